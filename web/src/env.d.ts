// Vite's module kinds: CSS imported for its side effect, assets imported as URLs (?url).
declare module '*.css';
declare module '*?url' {
  const url: string;
  export default url;
}
