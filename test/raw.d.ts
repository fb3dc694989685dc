/** Vite's `?raw` imports: a file's text (the README test reads the README this way). */
declare module '*?raw' {
  const text: string;
  export default text;
}
