import { validatePath } from '../../src/index.js';
for (const v of [{steps:{}}, {steps:{a:1}}, {steps:{a:{}}}, {steps:{a:{transitions:5}}}, {steps:{a:{kind:'contact'}}, initial: 'a'}, {steps:{a:{transitions:[null]}}}])
  console.log(JSON.stringify(v), JSON.stringify(validatePath(v as any).diagnostics.map(d=>[d.code,d.pointer,d.message])));
