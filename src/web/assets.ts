/** The one stylesheet (served at /assets/app.css): mobile first, readable contrast, no JavaScript needed. */
export const APP_CSS = `*{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;line-height:1.65;color:#1d1d1f;background:#f4f5f7}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f5a623;outline-offset:1px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.4rem;z-index:9}
header.site{background:#a3121a;color:#fff;padding:.7rem 1rem}
header.site a{color:#fff;text-decoration:none}
header.site .brand{font-size:1.15rem;font-weight:700;letter-spacing:.05em}
header.site nav{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin-top:.3rem;font-size:.95rem}
header.site nav form{display:inline}
header.site nav button{background:none;border:0;color:#fff;text-decoration:underline;padding:0;font:inherit;cursor:pointer}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;margin:.2rem 0 1rem}
h2{font-size:1.15rem;margin:1.4rem 0 .6rem;border-left:4px solid #a3121a;padding-left:.5rem}
.card{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:1rem;margin:0 0 1rem}
.muted{color:#555}
.small{font-size:.9rem}
.flash{padding:.7rem 1rem;border-radius:6px;margin:0 0 1rem;border:1px solid}
.flash.ok{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}
.flash.err{background:#fdecea;border-color:#c62828;color:#8e1b1b}
.field{margin:0 0 .9rem}
.field label,.field .label{display:block;font-weight:600;margin-bottom:.25rem}
.field .hint{font-size:.88rem;color:#555;margin:.1rem 0 .3rem}
.field .error{color:#b00020;font-size:.92rem;margin:.2rem 0 0}
input[type=text],input[type=tel],input[type=email],input[type=date],input[type=number],input[type=password],select,textarea{width:100%;font:inherit;padding:.55rem .6rem;border:1px solid #8a8f98;border-radius:4px;background:#fff}
textarea{min-height:6rem}
.invalid{border-color:#b00020!important;background:#fffafa!important}
fieldset{border:1px solid #d8dbe0;border-radius:6px;margin:0 0 1rem;padding:.6rem 1rem}
legend{font-weight:700;padding:0 .3rem}
.choices label{display:block;font-weight:400;margin:.2rem 0}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:4px;border:1px solid #7d0d13;background:#a3121a;color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#7d0d13}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e2e4e8;padding:.5rem;text-align:left;vertical-align:top}
th{background:#f0f1f4;font-weight:600}
.tabs{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 1rem;padding:0;list-style:none}
.tabs a{display:block;padding:.35rem .7rem;border:1px solid #c5c9d0;border-radius:999px;text-decoration:none;background:#fff}
.tabs a[aria-current=page]{background:#a3121a;color:#fff;border-color:#a3121a}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;border:1px solid #999;background:#fff}
.badge.overdue{border-color:#b00020;color:#b00020;font-weight:700}
.badge.soon{border-color:#a15c00;color:#7a4500;font-weight:700}
.badge.ok{border-color:#2e7d32;color:#1b5e20}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{border-left:3px solid #a3121a;padding:.2rem 0 .8rem .8rem;margin-left:.3rem}
.clock{border:1px solid #d8dbe0;border-radius:6px;padding:.6rem .8rem;margin:0 0 .6rem;background:#fbfbfc}
.actions details{border:1px solid #d8dbe0;border-radius:6px;margin:0 0 .6rem;background:#fff}
.actions summary{padding:.6rem .8rem;font-weight:600;cursor:pointer}
.actions form{padding:.2rem .8rem .8rem}
dl.facts{display:grid;grid-template-columns:8rem 1fr;gap:.3rem .8rem;margin:0}
dl.facts dt{font-weight:600;color:#444}
dl.facts dd{margin:0;word-break:break-all}
.receipt-code{font-size:1.4rem;font-weight:700;letter-spacing:.08em;white-space:nowrap;font-family:monospace;background:#fff8e1;border:2px dashed #a15c00;padding:.3rem .8rem;display:inline-block}
.grid2{display:grid;gap:1rem}
@media(min-width:48rem){.grid2{grid-template-columns:1fr 1fr}main{padding:1.5rem}}
form.inline{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}form.inline input,form.inline select{width:auto}
.charts{display:grid;gap:1rem;margin-top:1rem}
.chart{width:100%;height:auto;max-width:48rem;display:block}
.chart text{fill:#1f2328;font-family:inherit}
.chart text.in{fill:#fff}
.bar{display:inline-block;height:.6rem;background:#c62828;margin-left:.4rem;vertical-align:middle;border-radius:2px}
footer.site{max-width:64rem;margin:2rem auto;padding:0 1rem;color:#555;font-size:.88rem}
`;
export const PORTAL_CSS = `.searchbox{display:flex;gap:.4rem;margin:0 0 1rem}.searchbox input{flex:1;min-width:0;font:inherit;padding:.55rem .6rem;border:1px solid #8a8f98;border-radius:4px}
.skip-label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
ul.items{list-style:none;padding:0;margin:0}ul.items li{padding:.35rem 0;border-bottom:1px dashed #d8dbe0}
table.meta{margin:0 0 1rem;font-size:.92rem}table.meta th{width:6rem;white-space:nowrap}
.body p{text-indent:2em;margin:.4rem 0}
mark{background:#ffe08a;color:inherit;padding:0 .1em}
ol.results li{margin:0 0 1rem}
.pager{margin:1rem 0;display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
.nowrap{white-space:nowrap}
.inline-input{display:flex;gap:.5rem;align-items:stretch}.inline-input input{flex:1}
@media(max-width:40rem){table.meta th,table.meta td{display:block;width:auto}}
.body table{display:block;overflow-x:auto;max-width:100%;width:max-content;margin:.6rem 0}
.body table th,.body table td{border:1px solid #c5c9d0;padding:.3rem .45rem;font-size:.9rem}
.body table td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.body table th{min-width:3.2em}.body table th[rowspan],.body table tr>th:first-child{min-width:7em}
@media print{header.site,footer.site,.searchbox,nav,.skip{display:none}main{max-width:none;padding:0}.card{border:0;box-shadow:none;padding:0}
.body table{display:table;overflow:visible;width:100%;page-break-inside:auto}.body table tr{page-break-inside:avoid}
.body table th,.body table td{border:1px solid #000;color:#000;background:#fff}a{color:#000;text-decoration:none}}`;
