/**
 * The frame every sidebar page shares. The page's texts go in as JSON inside a
 * script (`T`), with `<` escaped so no text can close the script element; the
 * page puts them, and anything from the Worker or a person, on screen through
 * `textContent` only.
 */
export function sidebarPage(texts: object, parts: { style: string; body: string; script: string }): string {
  const data = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<meta charset="utf-8">
<style>
${parts.style}</style>
</head>
<body>
${parts.body}<script>
  var T = ${data};
${parts.script}</script>
</body>
</html>`;
}
