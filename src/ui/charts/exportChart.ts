/**
 * A chart as a file: one self-contained SVG (title, legend and the drawing, white background,
 * fonts named inline) and a PNG made from it (the SVG drawn onto a canvas at 2×).
 */
import { download, fileStem } from '../services';
import type { LegendEntry } from './draw/plotKit';
import { FONT_FAMILY, INK, textWidth } from './draw/plotKit';

const SVG_NS = 'http://www.w3.org/2000/svg';

function node<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent: Element): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  parent.append(n);
  return n;
}

function sizeOf(svg: SVGSVGElement): { w: number; h: number } {
  const w = Number(svg.getAttribute('width')) || svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width;
  const h = Number(svg.getAttribute('height')) || svg.viewBox.baseVal?.height || svg.getBoundingClientRect().height;
  return { w, h };
}

/** The chart with its title and legend as one standalone SVG document. */
export function standaloneSvg(chart: SVGSVGElement, title: string, summary: string, legend: LegendEntry[]): { text: string; width: number; height: number } {
  const { w, h } = sizeOf(chart);
  const pad = 12;
  const fs = 13;
  const width = Math.ceil(w + pad * 2);
  // legend entries flow left to right, wrapping at the width
  const placed: { e: LegendEntry; x: number; y: number }[] = [];
  let x = pad;
  let y = pad + fs * 2.4;
  for (const e of legend) {
    const ew = 18 + textWidth(e.label, fs) + 16;
    if (x + ew > width - pad && x > pad) {
      x = pad;
      y += fs * 1.6;
    }
    placed.push({ e, x, y });
    x += ew;
  }
  const top = (legend.length ? y + fs * 0.9 : pad + fs * 1.8) + 4;
  const height = Math.ceil(top + h + pad);
  const root = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_FAMILY, 'font-size': fs })) root.setAttribute(k, String(v));
  node('title', {}, root).textContent = summary;
  node('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }, root);
  const heading = node('text', { x: pad, y: pad + fs, 'font-size': fs + 2, 'font-weight': 700, fill: INK }, root);
  heading.textContent = title;
  for (const { e, x: lx, y: ly } of placed) {
    const cy = ly - fs * 0.35;
    if (e.shape === 'line' || e.shape === 'rule') node('line', { x1: lx, x2: lx + 14, y1: cy, y2: cy, stroke: e.color, 'stroke-width': e.shape === 'rule' ? 3 : 2 }, root);
    else if (e.shape === 'dot') node('circle', { cx: lx + 7, cy, r: 5, fill: e.color }, root);
    else node('rect', { x: lx, y: cy - 6, width: 14, height: 12, rx: 2, fill: e.color }, root);
    const label = node('text', { x: lx + 18, y: ly, fill: INK }, root);
    label.textContent = e.label;
  }
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', String(pad));
  copy.setAttribute('y', String(top));
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  copy.removeAttribute('class');
  copy.style.overflow = 'visible';
  root.append(copy);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}

export function downloadSvg(name: string, svg: { text: string }): void {
  download(`${fileStem(name)}.svg`, svg.text, 'image/svg+xml');
}

/** Draws the SVG onto a canvas (2× for sharp text) and downloads it as PNG. */
export async function downloadPng(name: string, svg: { text: string; width: number; height: number }, scale = 2): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(svg.width * scale);
    canvas.height = Math.ceil(svg.height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, svg.width, svg.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas made no PNG');
    download(`${fileStem(name)}.png`, blob, 'image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
