/** The report's stylesheet: plain, readable on a projector at 1280×720, and printable on A4. */
export const REPORT_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1240px;padding:1rem 1.25rem;color:#0f172a;background:#fff;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.3rem;border-bottom:2px solid #e2e8f0;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.6rem 0 .3rem}
ul.identity{list-style:none;padding:0;margin:.2rem 0 .4rem;display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;font-size:1rem}
.note{color:#475569;font-size:.85rem}
nav details summary{cursor:pointer;color:#1d4ed8}
nav ol{margin:.4rem 0;padding-left:1.6rem}nav li{margin:.15rem 0}nav li ol{margin:.1rem 0}
.key-figure{font-size:1.05rem;font-weight:600}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,540px),1fr));gap:.2rem 1.4rem}.figure-table{min-width:0;overflow-x:auto}
.figure-table h3,.figure-table h4{margin-top:.6rem}
ol.top-findings li{margin:.2rem 0}
figure{margin:0}
.diagram-controls{display:flex;gap:.3rem;margin:0 0 .3rem}
.diagram-output{overflow:auto;max-height:85vh;border:1px solid #e2e8f0;border-radius:4px;cursor:grab}
figure[data-fit="width"] .diagram-output{max-height:none}
figure[data-fit="screen"] .diagram-output{overflow:hidden;cursor:default;border:0}
.diagram-output svg{display:block;max-width:none}figure.fit .diagram-output{cursor:zoom-in}figure.fit .diagram-output svg{margin:0 auto}
.diagram-fit,.diagram-zoom{font:inherit;font-size:.85rem;padding:.2rem .6rem;border:1px solid #94a3b8;border-radius:4px;background:#f8fafc;cursor:pointer}
.diagram-error{color:#991b1b;background:#fef2f2;border:1px solid #fecaca;padding:.6rem;white-space:pre-wrap}
.print-note{display:none}
details{margin-top:.5rem}details pre{background:#f8fafc;border:1px solid #e2e8f0;padding:.6rem;overflow-x:auto;font-size:.8rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:.9rem}th,td{border:1px solid #e2e8f0;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.ok{color:#166534}
table.findings td:nth-child(1){width:7rem}table.findings td:nth-child(2){width:40%}table.findings td:nth-child(3){width:14rem;overflow-wrap:anywhere}
table.risk-route td:nth-child(1),table.risk-route td:nth-child(2){width:28%}
@page{size:A4;margin:12mm}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  nav,details,.diagram-controls{display:none}
  section{break-before:auto}#samenvatting{break-after:page}
  h2,h3{break-after:avoid}tr,.figure-table{break-inside:avoid}
  .diagram-output{max-height:none;overflow:visible;border:0}
  .diagram-output svg{max-width:100%!important;height:auto!important;width:auto!important}
  figure[data-print="too-large"] .diagram-output{display:none}
  figure[data-print="too-large"] .print-note{display:block;font-style:italic;color:#475569}
  .figures{display:block}.figure-table{overflow:visible}
}
`;
