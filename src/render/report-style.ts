/** The report's stylesheet: plain, printable, readable on a projector. */
export const REPORT_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:1.5rem;color:#0f172a;background:#fff;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;border-bottom:2px solid #e2e8f0;padding-bottom:.2rem;margin-top:2rem}
nav ol{margin:.4rem 0;padding-left:1.6rem}nav li{margin:.15rem 0}nav li ol{margin:.1rem 0}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
figure{margin:0}
.diagram-output{overflow:auto;max-height:90vh;border:1px solid #e2e8f0;border-radius:4px}
.diagram-output svg{display:block;max-width:none}figure.fit .diagram-output svg{max-width:100%;height:auto}
.diagram-fit{margin:0 0 .3rem;font:inherit;font-size:.85rem;padding:.2rem .6rem;border:1px solid #94a3b8;border-radius:4px;background:#f8fafc;cursor:pointer}
.diagram-error{color:#991b1b;background:#fef2f2;border:1px solid #fecaca;padding:.6rem;white-space:pre-wrap}
details{margin-top:.5rem}details pre{background:#f8fafc;border:1px solid #e2e8f0;padding:.6rem;overflow-x:auto;font-size:.8rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #e2e8f0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#166534}
@media print{nav,details,.diagram-fit{display:none}.diagram-output{max-height:none;overflow:visible;border:0}.diagram-output svg{max-width:100%;height:auto}section{break-inside:avoid-page}}
`;
