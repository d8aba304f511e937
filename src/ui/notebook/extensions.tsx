/**
 * The places where the editor's larger features plug in, as data: toolbar items, side panels and
 * the area above the grid (the sheet's notebook view). Each feature registers here with one line,
 * so NotebookPage stays a layout and features stay in their own folders.
 */
import type { JSX } from 'solid-js';
import type { NotebookContext } from '../workbench/context';

export type { NotebookContext };

export interface ToolbarItem {
  id: string;
  render(ctx: NotebookContext): JSX.Element;
}

export interface SidePanel {
  id: string;
  render(ctx: NotebookContext & { close(): void }): JSX.Element;
}

export interface AboveGrid {
  id: string;
  render(ctx: NotebookContext): JSX.Element;
}

export const TOOLBAR_ITEMS: ToolbarItem[] = [];
export const SIDE_PANELS: SidePanel[] = [];
export const ABOVE_GRID: AboveGrid[] = [];
