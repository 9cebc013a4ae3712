import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);
import{a as b,b as c,c as d}from"./chunk-VJBCXGXC.js";import{a}from"./chunk-EWVA6LRT.js";import"./chunk-HNCJUHZ6.js";import"./chunk-NU5Q2WIU.js";import"./chunk-PPHZ6LJK.js";import"./chunk-QH6RTQIZ.js";export{b as DEFAULT_CONFIG,a as DEFAULT_PATHS,c as INPUTS,d as readInputs};
