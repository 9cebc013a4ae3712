import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-ARFO7LEX.js";import"./chunk-7YEJCHES.js";import"./chunk-HNCJUHZ6.js";import"./chunk-NU5Q2WIU.js";import"./chunk-LOSXEROY.js";import"./chunk-QH6RTQIZ.js";export{b as DEFAULT_CONFIG,a as DEFAULT_PATHS,c as INPUTS,d as readInputs};
