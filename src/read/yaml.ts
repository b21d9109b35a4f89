/**
 * The YAML parser, behind a module of its own so that frontmatter.ts can load
 * it with the first YAML it meets (a bundle keeps the named export this way).
 */
export { parseDocument } from 'yaml';
