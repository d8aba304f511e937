/**
 * CONVERT's units as Excel has them: each unit's size in its quantity's base unit, whether it takes
 * a metric prefix (and, for areas and volumes written m2 / m^3, whether the prefix is squared or
 * cubed), case-sensitive names. Which units take prefixes follows Excel (CONVERT(1,"Mmi","m") is
 * #N/A, "Mmph" and "Muk_pt" are accepted; of the units of time only the second takes one).
 */
import { CellError } from 'hyperformula';
import { na } from './values';

interface Unit {
  quantity: string;
  /** Size in the quantity's base unit (temperatures: see `toKelvin`). */
  factor: number;
  prefix?: boolean;
  /** The power a prefix is raised to (m2: 2, m3: 3). */
  power?: number;
}

const units = new Map<string, Unit>();
function define(quantity: string, factor: number, names: string, prefix = false, power = 1): void {
  for (const name of names.split(' ')) units.set(name, { quantity, factor, prefix, power });
}

const INCH = 0.0254;
const FOOT = 0.3048;
const MILE = 1609.344;
const NMI = 1852;
const LY = 9460730472580800;
const PICA_POINT = INCH / 72;
const LBF = 4.4482216152605;

define('mass', 1, 'g', true);
define('mass', (453.59237 * 9.80665) / FOOT, 'sg');
define('mass', 453.59237, 'lbm');
define('mass', 1.660538782e-24, 'u', true);
define('mass', 453.59237 / 16, 'ozm');
define('mass', 0.06479891, 'grain');
define('mass', 45359.237, 'cwt shweight');
define('mass', 50802.34544, 'uk_cwt lcwt');
define('mass', 6350.29318, 'stone');
define('mass', 907184.74, 'ton');
define('mass', 1016046.9088, 'brton LTON uk_ton');

define('length', 1, 'm', true);
define('length', MILE, 'mi');
define('length', NMI, 'Nmi');
define('length', INCH, 'in');
define('length', FOOT, 'ft');
define('length', 0.9144, 'yd');
define('length', 1e-10, 'ang', true);
define('length', 1.143, 'ell');
define('length', LY, 'ly', true);
define('length', 3.0856775812815532e16, 'parsec pc', true);
define('length', PICA_POINT, 'Picapt Pica');
define('length', INCH / 6, 'pica');
define('length', 6336000 / 3937, 'survey_mi');

define('time', 31557600, 'yr');
define('time', 86400, 'day d');
define('time', 3600, 'hr');
define('time', 60, 'mn min');
define('time', 1, 'sec s', true);

define('pressure', 1, 'Pa p', true);
define('pressure', 101325, 'atm at', true);
define('pressure', 133.322, 'mmHg', true);
define('pressure', LBF / INCH ** 2, 'psi');
define('pressure', 101325 / 760, 'Torr');

define('force', 1, 'N', true);
define('force', 1e-5, 'dyn dy', true);
define('force', LBF, 'lbf');
define('force', 0.00980665, 'pond', true);

define('energy', 1, 'J', true);
define('energy', 1e-7, 'e', true);
define('energy', 4.184, 'c', true);
define('energy', 4.1868, 'cal', true);
define('energy', 1.602176487e-19, 'eV ev', true);
define('energy', 745.69987158227022 * 3600, 'HPh hh');
define('energy', 3600, 'Wh wh', true);
define('energy', LBF * FOOT, 'flb');
define('energy', 1055.05585262, 'BTU btu');

define('power', 745.69987158227022, 'HP h');
define('power', 735.49875, 'PS');
define('power', 1, 'W w', true);

define('magnetism', 1, 'T', true);
define('magnetism', 1e-4, 'ga', true);

define('temperature', 1, 'C cel');
define('temperature', 1, 'F fah');
define('temperature', 1, 'K kel', true);
define('temperature', 1, 'Rank');
define('temperature', 1, 'Reau');

const US_GALLON = 231 * INCH ** 3;
define('volume', US_GALLON / 768, 'tsp');
define('volume', 5e-6, 'tspm');
define('volume', US_GALLON / 256, 'tbs');
define('volume', US_GALLON / 128, 'oz');
define('volume', US_GALLON / 16, 'cup');
define('volume', US_GALLON / 8, 'pt us_pt');
define('volume', 4.54609e-3 / 8, 'uk_pt', true);
define('volume', US_GALLON / 4, 'qt');
define('volume', 4.54609e-3 / 4, 'uk_qt');
define('volume', US_GALLON, 'gal');
define('volume', 4.54609e-3, 'uk_gal');
define('volume', 1e-3, 'l L lt', true);
define('volume', 1e-30, 'ang3 ang^3', true, 3);
define('volume', 42 * US_GALLON, 'barrel');
define('volume', 0.03523907016688, 'bushel');
define('volume', FOOT ** 3, 'ft3 ft^3');
define('volume', INCH ** 3, 'in3 in^3');
define('volume', LY ** 3, 'ly3 ly^3');
define('volume', 1, 'm3 m^3', true, 3);
define('volume', MILE ** 3, 'mi3 mi^3');
define('volume', 0.9144 ** 3, 'yd3 yd^3');
define('volume', NMI ** 3, 'Nmi3 Nmi^3');
define('volume', PICA_POINT ** 3, 'Picapt3 Picapt^3 Pica3 Pica^3');
define('volume', 100 * FOOT ** 3, 'GRT regton');
define('volume', 40 * FOOT ** 3, 'MTON');

define('area', 4046.8564224, 'uk_acre');
define('area', 4046.8726098742522, 'us_acre');
define('area', 1e-20, 'ang2 ang^2', true, 2);
define('area', 100, 'ar', true);
define('area', FOOT ** 2, 'ft2 ft^2');
define('area', 10000, 'ha');
define('area', INCH ** 2, 'in2 in^2');
define('area', LY ** 2, 'ly2 ly^2');
define('area', 1, 'm2 m^2', true, 2);
define('area', 2500, 'Morgen');
define('area', MILE ** 2, 'mi2 mi^2');
define('area', NMI ** 2, 'Nmi2 Nmi^2');
define('area', PICA_POINT ** 2, 'Picapt2 Pica2 Pica^2 Picapt^2');
define('area', 0.9144 ** 2, 'yd2 yd^2');

define('speed', 6080 * FOOT / 3600, 'admkn');
define('speed', NMI / 3600, 'kn');
define('speed', 1 / 3600, 'm/h m/hr', true);
define('speed', 1, 'm/s m/sec', true);
define('speed', MILE / 3600, 'mph', true);

define('information', 1, 'bit', true);
define('information', 8, 'byte', true);

const PREFIXES: Record<string, number> = {
  Y: 1e24, Z: 1e21, E: 1e18, P: 1e15, T: 1e12, G: 1e9, M: 1e6, k: 1e3, h: 1e2, da: 1e1, e: 1e1,
  d: 1e-1, c: 1e-2, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, a: 1e-18, z: 1e-21, y: 1e-24,
};
/** Binary prefixes: information units only. */
const BINARY: Record<string, number> = { Yi: 2 ** 80, Zi: 2 ** 70, Ei: 2 ** 60, Pi: 2 ** 50, Ti: 2 ** 40, Gi: 2 ** 30, Mi: 2 ** 20, ki: 2 ** 10 };

/** A unit name, with or without a prefix: its quantity and size; unknown names are undefined. */
function resolve(name: string): { quantity: string; factor: number; unit: string } | undefined {
  const exact = units.get(name);
  if (exact) return { quantity: exact.quantity, factor: exact.factor, unit: name };
  for (const len of [2, 1]) {
    const head = name.slice(0, len);
    const unit = units.get(name.slice(len));
    if (!unit?.prefix) continue;
    const scale = PREFIXES[head] ?? (unit.quantity === 'information' ? BINARY[head] : undefined);
    if (scale !== undefined) return { quantity: unit.quantity, factor: unit.factor * scale ** (unit.power ?? 1), unit: name.slice(len) };
  }
  return undefined;
}

/** Kelvin from a temperature in the named scale (the prefixed forms of K are plain multiples). */
function toKelvin(x: number, unit: string, factor: number): number {
  switch (unit) {
    case 'C': case 'cel': return x + 273.15;
    case 'F': case 'fah': return ((x - 32) * 5) / 9 + 273.15;
    case 'Rank': return (x * 5) / 9;
    case 'Reau': return (x * 5) / 4 + 273.15;
    default: return x * factor;
  }
}

function fromKelvin(k: number, unit: string, factor: number): number {
  switch (unit) {
    case 'C': case 'cel': return k - 273.15;
    case 'F': case 'fah': return ((k - 273.15) * 9) / 5 + 32;
    case 'Rank': return (k * 9) / 5;
    case 'Reau': return ((k - 273.15) * 4) / 5;
    default: return k / factor;
  }
}

/** CONVERT(number, from, to): #N/A for an unknown unit or units of different quantities. */
export function convert(x: number, from: string, to: string): number | CellError {
  const a = resolve(from);
  const b = resolve(to);
  if (!a || !b || a.quantity !== b.quantity) return na('The units are unknown or measure different things.');
  if (a.quantity === 'temperature') return fromKelvin(toKelvin(x, a.unit, a.factor), b.unit, b.factor);
  if (from === to) return x;
  return (x * a.factor) / b.factor;
}
