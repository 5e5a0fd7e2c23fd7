// Burhan's page: one claim check, rendered from POST /api/check.
// Every piece of text from the server goes through textContent (never innerHTML): article
// text is scraped web content and may hold markup, scripts or event handlers.
"use strict";

const STANCE_AR = { agree: "يؤيد", disagree: "يعارض", discuss: "يناقش", unrelated: "غير ذي صلة" };
const RELATION_AR = { conflict: "تعارض", match: "تطابق", context: "سياق: جزء من العدد أو فترة أخرى" };
const VERDICT_AR = { true: "صحيح", false: "غير صحيح", not_enough_evidence: "لا تتوفر أدلة كافية" };
const BASIS_AR = { supported: "تؤكده المصادر", refuted: "تنقضه الأدلة", unconfirmed: "لم يؤكده أي مصدر", no_evidence: "لا أدلة ذات صلة" };
const RATING_AR = { false: "زائف", misleading: "مضلل", mixed: "صحيح جزئيًا", true: "صحيح", unproven: "غير مثبت",
                    satire: "ساخر", unrated: "بلا تقييم موحّد" };
const COLORS = { agree: "#1a7f37", disagree: "#c62828", discuss: "#8a6d00", unrelated: "#6b7280" };
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

async function loadStats() {
  try {
    const response = await fetch("/api/stats");
    const stats = await response.json();
    document.getElementById("corpus").textContent =
      `المدونة: ${stats.articles} مقالة، ${stats.stories} قصة، ${stats.sources} مصدرًا` +
      (stats.factchecks ? `، ${stats.factchecks} تحققًا منشورًا` : "");
  } catch (e) { /* the page still works without the counts */ }
}

async function check(event) {
  event.preventDefault();
  const status = document.getElementById("status");
  const button = document.getElementById("submit");
  const body = {
    claim: document.getElementById("claim").value,
    k: Number(document.getElementById("k").value) || 20,
    lang: "ar",
  };
  const date = document.getElementById("date").value;
  if (date) body.date = date;
  // a claim over the limit is refused with a message, never cut (a maxlength would cut a paste)
  const limit = Number(document.getElementById("claim").dataset.maxChars) || 1000;
  const length = body.claim.trim().length;
  if (length > limit) {
    status.textContent = `الادعاء أطول من الحد: ${length} حرفًا والحد ${limit}. افحص ادعاءً واحدًا في كل مرة.`;
    document.getElementById("result").hidden = true;
    return;
  }
  button.disabled = true;
  status.textContent = "جارٍ التحقق…";
  try {
    const response = await fetch("/api/check", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) {
      status.textContent = "خطأ: " + (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail));
      return;
    }
    status.textContent = "";
    render(data);
  } catch (e) {
    status.textContent = "تعذر الاتصال بالخادم.";
  } finally {
    button.disabled = false;
  }
}

function render(data) {
  document.getElementById("result").hidden = false;
  const verdict = document.getElementById("verdict");
  verdict.className = "verdict " + data.verdict;
  verdict.replaceChildren(
    el("span", { id: "verdict-label" }, VERDICT_AR[data.verdict]),
    el("span", { class: "basis", id: "verdict-basis" }, BASIS_AR[data.basis]),
  );
  if (data.confidence !== null) {
    // never «100%»: a model's 0.9995 is not certainty (the same rule as the explanation)
    const shown = data.confidence >= 0.995 ? "أكثر من 99%" : `${Math.round(data.confidence * 100)}%`;
    verdict.appendChild(el("span", { class: "confidence" }, `الثقة ${shown}`));
    const meter = el("span", { class: "meter" });
    meter.appendChild(el("span", { style: `width:${Math.round(data.confidence * 100)}%` }));
    verdict.appendChild(meter);
  }
  verdict.dataset.verdict = data.verdict;
  document.getElementById("explanation").textContent = data.explanation;
  const warnings = document.getElementById("warnings");
  warnings.replaceChildren(...data.warnings.map((w) => el("li", {}, w)));

  renderFactchecks(data.factchecks || []);
  const leads = data.evidence.filter((e) => e.duplicate_of === null);
  renderChart(leads);
  renderTimeline(data.evidence.filter((e) => e.stance !== "unrelated"));
  renderNumbers(data.numbers, data.evidence);
  const related = data.evidence.filter((e) => e.stance !== "unrelated");
  const unrelated = data.evidence.filter((e) => e.stance === "unrelated");
  document.getElementById("evidence").replaceChildren(
    ...(related.length ? related.map(card) : [el("p", { class: "muted" }, "لا توجد مقالات ذات صلة.")]));
  document.getElementById("unrelated-panel").hidden = unrelated.length === 0;
  document.getElementById("unrelated").replaceChildren(...unrelated.map(card));
}

// «سبق التحقق منه»: published fact-checks of the claim, at the top of the result
function renderFactchecks(matches) {
  document.getElementById("factchecks-panel").hidden = matches.length === 0;
  document.getElementById("factchecks").replaceChildren(...matches.map((m) => {
    const item = el("li", { class: "factcheck " + m.rating_normalised, "data-factcheck-id": String(m.factcheck_id) });
    item.appendChild(el("span", { class: "rating " + m.rating_normalised }, m.rating || RATING_AR[m.rating_normalised]));
    if (m.rating && RATING_AR[m.rating_normalised]) {
      item.appendChild(el("span", { class: "muted" }, `(${RATING_AR[m.rating_normalised]})`));
    }
    item.appendChild(el("q", {}, m.claim));
    const meta = [m.publisher || "جهة غير معروفة", m.review_date || "تاريخ غير معروف",
                  `احتمال أنه الادعاء نفسه ${Math.round(m.score * 100)}%`];
    item.appendChild(el("span", { class: "meta" }, meta.join(" · ")));
    const href = safeUrl(m.url);
    if (href) item.appendChild(el("a", { href, rel: "noopener noreferrer", target: "_blank" }, "المقال"));
    return item;
  }));
}

function card(e) {
  const node = el("article", { class: "card " + e.stance, "data-article-id": String(e.article_id) });
  const meta = el("div", { class: "meta" });
  meta.appendChild(el("span", { class: "badge " + e.stance }, STANCE_AR[e.stance]));
  meta.appendChild(el("span", { class: "source" }, e.source || e.origin));
  meta.appendChild(el("span", {}, e.date || "بلا تاريخ"));
  meta.appendChild(el("span", {}, `الموثوقية ${Math.round(e.reliability * 100)}%`));
  meta.appendChild(el("span", {}, `الوزن ${e.weight.toFixed(2)}`));
  node.appendChild(meta);
  const title = el("h3");
  const href = e.url ? safeUrl(e.url) : null;
  if (href) {
    const link = el("a", { href, rel: "noopener noreferrer", target: "_blank" }, e.title || e.origin);
    title.appendChild(link);
  } else {
    title.textContent = e.title || e.origin;
  }
  node.appendChild(title);
  if (e.excerpt && e.excerpt.length) {
    const para = el("p", { class: "excerpt" });
    let previous = null;
    for (const s of e.excerpt) {
      if (previous !== null && s.index !== previous + 1) para.appendChild(document.createTextNode(" … "));
      para.appendChild(s.rationale ? el("mark", { class: "rationale" }, s.text) : document.createTextNode(s.text));
      para.appendChild(document.createTextNode(" "));
      previous = s.index;
    }
    node.appendChild(para);
  }
  if (e.copies.length) node.appendChild(el("p", { class: "copies" }, `نسخ مدمجة من القصة نفسها: ${e.copies.length} (${e.copies.join("، ")})`));
  if (e.duplicate_of !== null) node.appendChild(el("p", { class: "copies" }, `نسخة من المقالة ${e.duplicate_of}، عُدّت معها مرة واحدة`));
  if (e.predates_claim) node.appendChild(el("p", { class: "note" }, "نُشرت قبل تاريخ الحدث: لا تؤكد الادعاء"));
  return node;
}

function renderChart(leads) {
  const counts = { agree: 0, disagree: 0, discuss: 0, unrelated: 0 };
  for (const e of leads) counts[e.stance] += 1;
  const max = Math.max(1, ...Object.values(counts));
  const width = 300, row = 34;
  // direction:ltr makes x and text-anchor geometric; the Arabic labels still read right to left
  const chart = svg("svg", { viewBox: `0 0 ${width} ${row * 4 + 8}`, width: "100%", role: "img", "aria-label": "توزيع المواقف", style: "direction:ltr" });
  Object.entries(counts).forEach(([stance, n], i) => {
    const y = 4 + i * row;
    chart.appendChild(svg("text", { x: width - 4, y: y + 20, "text-anchor": "end", "font-size": 14 }, STANCE_AR[stance]));
    const barWidth = Math.round((n / max) * (width - 130));
    chart.appendChild(svg("rect", { x: width - 100 - barWidth, y: y + 4, width: barWidth, height: 22, fill: COLORS[stance], rx: 3 }));
    chart.appendChild(svg("text", { x: width - 106 - barWidth, y: y + 20, "text-anchor": "end", "font-size": 14 }, String(n)));
  });
  document.getElementById("chart").replaceChildren(chart);
}

function renderTimeline(items) {
  const box = document.getElementById("timeline");
  const dated = items.filter((e) => e.date && !isNaN(Date.parse(e.date)));
  if (!dated.length) {
    box.replaceChildren(el("p", { class: "muted" }, "لا تواريخ معروفة للأدلة ذات الصلة."));
    return;
  }
  const times = dated.map((e) => Date.parse(e.date));
  const lo = Math.min(...times), hi = Math.max(...times);
  const width = 600, height = 60 + 22 * dated.length, pad = 40;
  const x = (t) => (hi === lo ? width / 2 : width - pad - ((t - lo) / (hi - lo)) * (width - 2 * pad)); // RTL: earliest on the right
  const line = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": "خط زمني", style: "direction:ltr" });
  line.appendChild(svg("line", { x1: pad, x2: width - pad, y1: 30, y2: 30, stroke: "#999" }));
  line.appendChild(svg("text", { x: width - pad, y: 20, "text-anchor": "middle", "font-size": 12 }, new Date(lo).toISOString().slice(0, 10)));
  if (hi !== lo) line.appendChild(svg("text", { x: pad, y: 20, "text-anchor": "middle", "font-size": 12 }, new Date(hi).toISOString().slice(0, 10)));
  dated.sort((a, b) => Date.parse(a.date) - Date.parse(b.date)).forEach((e, i) => {
    const cx = x(Date.parse(e.date));
    line.appendChild(svg("circle", { cx, cy: 30, r: 6, fill: COLORS[e.stance] }));
    line.appendChild(svg("line", { x1: cx, x2: cx, y1: 36, y2: 50 + 22 * i, stroke: COLORS[e.stance], "stroke-dasharray": "2 2" }));
    line.appendChild(svg("text", { x: cx, y: 54 + 22 * i, "text-anchor": cx > width / 2 ? "end" : "start", "font-size": 13, fill: COLORS[e.stance] },
      `${e.date.slice(0, 10)} · ${e.source || e.origin}`));
  });
  box.replaceChildren(line);
}

function renderNumbers(numbers, evidence) {
  const panel = document.getElementById("numbers-panel");
  panel.hidden = numbers.length === 0;
  const sources = Object.fromEntries(evidence.map((e) => [e.article_id, e.source || e.origin]));
  const rows = numbers.map((n) => {
    const tr = el("tr", { class: n.relation });
    tr.append(el("td", {}, n.claim_text), el("td", {}, n.evidence_text),
      el("td", {}, RELATION_AR[n.relation] || n.relation), el("td", {}, sources[n.article_id] || ""));
    return tr;
  });
  document.querySelector("#numbers tbody").replaceChildren(...rows);
}

document.getElementById("check-form").addEventListener("submit", check);
loadStats();
