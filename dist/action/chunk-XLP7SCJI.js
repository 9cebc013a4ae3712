import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as n}from"./chunk-QH6RTQIZ.js";function t(e,o){return typeof e=="string"&&e!==""&&e.toLowerCase()===o.toLowerCase()}n(t,"isToolAuthor");export{t as a};
