import type { ErrorCode } from 'yaml';

const WORDS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'the indentation does not line up with the lines around it',
  TAB_AS_INDENT: 'a tab is used for indentation; indent with spaces',
  MISSING_CHAR: 'a closing ], } or quote is missing',
  UNEXPECTED_TOKEN: 'this text cannot appear here (a key: value line was expected)',
  BAD_SCALAR_START: 'a value starts with a character YAML reserves; quote the value',
  BLOCK_AS_IMPLICIT_KEY: 'a key spans several lines or holds a block; keys are single words',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines; put "key:" on one line',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  BLOCK_IN_FLOW: 'a block is nested inside a [ ] or { } list',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MULTIPLE_DOCS: 'the file holds several YAML documents (---); keep one',
  BAD_ALIAS: 'an alias (*name) names no anchor',
  ALIAS_PROPS: 'an alias (*name) carries a tag or anchor',
  MULTIPLE_ANCHORS: 'a value has two anchors (&name)',
  MULTIPLE_TAGS: 'a value has two tags (!tag)',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_DQ_ESCAPE: 'a double-quoted value has an invalid escape such as \\q',
  BAD_DIRECTIVE: 'a % directive line is not valid',
  TAG_RESOLVE_FAILED: 'a !tag is not one YAML knows',
  NON_STRING_KEY: 'a key is not a plain word',
  RESOURCE_EXHAUSTION: 'the aliases (*name) expand to too much data',
  BAD_COLLECTION_TYPE: 'a value has the wrong kind of collection for its tag',
};

/**
 * Says what a YAML error code means, in words of our own: the parser's own message quotes the
 * offending text, which may be anything a symlink or a mistake put in the file.
 */
export function describeYamlError(code: ErrorCode): string {
  return WORDS[code] ?? 'this line is not valid YAML';
}
