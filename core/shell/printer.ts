/** The table printer, kept at its first path for the modules that import it from here. */
export { layoutColumns, printTable, type PrintOptions } from './printers/table';
