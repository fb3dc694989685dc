export { type ImportSettings, importList } from './import-list';
