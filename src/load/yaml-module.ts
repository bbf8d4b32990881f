/*
 * The YAML parser, as the loaders reach it. Here it is a plain import, which a browser bundle
 * includes only when an app imports a function that parses text. The Node builds replace this
 * module with `src/node/yaml-module.ts`, which loads the parser on the first YAML text, so that
 * importing zorgpaden in Node does not pay for YAML until a YAML file is read.
 */
import * as parser from 'yaml';

/** The `yaml` package. */
export function yaml(): typeof parser {
  return parser;
}
