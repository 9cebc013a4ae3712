import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as e}from"./chunk-KQDYABK2.js";var r=class extends Error{static{e(this,"IoError")}name="IoError"};var o=class extends Error{static{e(this,"UsageError")}name="UsageError"};export{r as a,o as b};
