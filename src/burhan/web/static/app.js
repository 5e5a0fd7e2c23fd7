// Burhan's page, four views on the REST API: check a claim (POST /api/check), the archive
// (search, a paged list, one whole article), upload files (POST /api/ingest, with the token)
// and the history of checks (GET /api/checks, a note and an editor's verdict by PATCH, export).
// Every piece of text from the server goes through textContent (never innerHTML): article
// text is scraped web content and may hold markup, scripts or event handlers.
"use strict";

const STANCE_AR = { agree: "يؤيد", disagree: "يعارض", discuss: "يناقش", unrelated: "غير ذي صلة" };
const RELATION_AR = { conflict: "تعارض", match: "تطابق", context: "سياق: جزء من العدد، أو حدث أو فترة أو مصدر أو مكان آخر" };
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

// Arabic counted nouns by Intl.PluralRules("ar"): «مقال واحد»، «مقالان»، «7 مقالات»، «11 مقالًا»، «100 مقال»
const NOUNS = {
  article: { zero: "لا مقالات", one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالًا", other: "مقال" },
  story: { zero: "لا قصص", one: "قصة واحدة", two: "قصتان", few: "قصص", many: "قصةً", other: "قصة" },
  source: { zero: "لا مصادر", one: "مصدر واحد", two: "مصدران", few: "مصادر", many: "مصدرًا", other: "مصدر" },
  factcheck: { zero: "لا تحققات منشورة", one: "تحقق منشور واحد", two: "تحققان منشوران", few: "تحققات منشورة",
               many: "تحققًا منشورًا", other: "تحقق منشور" },
  check: { zero: "لا عمليات تحقق", one: "عملية تحقق واحدة", two: "عمليتا تحقق", few: "عمليات تحقق",
           many: "عملية تحقق", other: "عملية تحقق" },
  copy: { zero: "لا نسخ", one: "نسخة واحدة", two: "نسختان", few: "نسخ", many: "نسخةً", other: "نسخة" },
};
const PLURAL = new Intl.PluralRules("ar");

function counted(n, noun) {
  const category = PLURAL.select(n);
  const word = NOUNS[noun][category];
  return ["zero", "one", "two"].includes(category) ? word : `${n} ${word}`;
}

// dates for people by Intl.DateTimeFormat("ar"), the ISO form in the title attribute
const DAY = new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("ar", { dateStyle: "medium", timeStyle: "short" });

function dateEl(iso, withTime = false) {
  if (!iso) return el("span", { class: "undated" }, "بلا تاريخ");
  const parsed = new Date(iso);
  if (isNaN(parsed)) return el("span", {}, iso);
  return el("time", { datetime: iso, title: iso }, (withTime ? MOMENT : DAY).format(parsed));
}

// a plain file's origin is an absolute path: name the file (its record too), never the path
function originName(origin) {
  if (!origin) return "";
  if (/^https?:/.test(origin)) {
    try { return new URL(origin).hostname; } catch (e) { return origin; }
  }
  const bare = origin.replace(/^upload:/, "");
  return bare.split(/[\\/]/).pop() || bare;
}

function sourceName(item) {
  return item.source || `${originName(item.origin)} · مصدر غير معروف`;
}

function token() {
  return document.getElementById("token").value.trim();
}

function authHeaders() {
  return token() ? { Authorization: `Bearer ${token()}` } : {};
}

// every call to the API sends the token when one is given (a private server needs it for reads)
function api(url, options = {}) {
  return fetch(url, { ...options, headers: { ...authHeaders(), ...(options.headers || {}) } });
}

// every error answer of the API is {"error": {"code", "message", "field"?, "errors"?}}
function problem(data, fallback) {
  return (data && data.error && data.error.message) || fallback;
}

async function loadStats() {
  try {
    const response = await api("/api/stats");
    const stats = await response.json();
    const parts = [counted(stats.articles, "article"), counted(stats.stories, "story"), counted(stats.sources, "source")];
    if (stats.factchecks) parts.push(counted(stats.factchecks, "factcheck"));
    if (stats.checks) parts.push(`${counted(stats.checks, "check")} في السجل`);
    const line = document.getElementById("corpus");
    line.textContent = `الأرشيف: ${parts.join("، ")}`;
    line.dataset.articles = String(stats.articles);
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
  const date = document.getElementById("date").value.trim();
  if (date && !/^\d{4}-\d{2}(-\d{2})?$/.test(date)) {
    status.textContent = `تاريخ الحدث «${date}» غير مفهوم: اكتبه بالصيغة سنة-شهر-يوم، مثل 2016-11-30.`;
    return;
  }
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
    const response = await api("/api/check", {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Burhan-Client": "page", ...authHeaders() },
    });
    const data = await response.json();
    if (!response.ok) {
      status.textContent = "خطأ: " + problem(data, `الخادم أجاب ${response.status}`);
      return;
    }
    status.textContent = "";
    render(data);
    loadStats();
  } catch (e) {
    status.textContent = "تعذر الاتصال بالخادم.";
  } finally {
    button.disabled = false;
  }
}

function render(data, record = null) {
  document.getElementById("result").hidden = false;
  const saved = document.getElementById("saved");
  saved.replaceChildren();
  const checkId = record ? record.id : data.check_id;
  if (checkId !== null && checkId !== undefined) {
    saved.append(record ? "من السجل: التحقق رقم " : "حُفظ في السجل برقم ",
                 el("a", { href: `#history/${checkId}`, id: "saved-id" }, String(checkId)));
    if (record) saved.append(" · ", dateEl(record.checked_at, true));
  }
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
  meta.appendChild(el("span", { class: "source" }, sourceName(e)));
  meta.appendChild(dateEl(e.date));
  meta.appendChild(el("span", { class: "reliability" }, `الموثوقية ${Math.round(e.reliability * 100)}%` +
                      (e.reliability_is_prior ? " (تقدير مسبق: مصدر لم يُقيَّم)" : "")));
  meta.appendChild(el("span", {}, `الوزن ${e.weight.toFixed(2)}`));
  node.appendChild(meta);
  const title = el("h3");
  const href = e.url ? safeUrl(e.url) : null;
  if (href) {
    const link = el("a", { href, rel: "noopener noreferrer", target: "_blank" }, e.title || e.origin);
    title.appendChild(link);
  } else {
    title.appendChild(el("a", { href: `#article/${e.article_id}` }, e.title || originName(e.origin)));
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
  } else if (e.rationale && e.rationale.length) {  // a check re-opened from the history keeps no excerpt
    const para = el("p", { class: "excerpt" });
    for (const r of e.rationale) para.append(el("mark", { class: "rationale" }, r.text), " ");
    node.appendChild(para);
  }
  if (e.copies.length) node.appendChild(el("p", { class: "copies" }, `نسخ مدمجة من القصة نفسها: ${counted(e.copies.length, "copy")} (${e.copies.join("، ")})`));
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
      `${e.date.slice(0, 10)} · ${sourceName(e)}`));
  });
  box.replaceChildren(line);
}

function renderNumbers(numbers, evidence) {
  const panel = document.getElementById("numbers-panel");
  panel.hidden = numbers.length === 0;
  const sources = Object.fromEntries(evidence.map((e) => [e.article_id, sourceName(e)]));
  const rows = numbers.map((n) => {
    const tr = el("tr", { class: n.relation });
    tr.append(el("td", {}, n.claim_text), el("td", {}, n.evidence_text),
      el("td", {}, RELATION_AR[n.relation] || n.relation), el("td", {}, sources[n.article_id] || ""));
    return tr;
  });
  document.querySelector("#numbers tbody").replaceChildren(...rows);
}


// -- the archive: search, a paged list, one article ------------------------------------

const PAGE = 20;
let articlesOffset = 0;

async function loadArticles() {
  const response = await api(`/api/articles?limit=${PAGE}&offset=${articlesOffset}`);
  const data = await response.json();
  document.querySelector("#articles tbody").replaceChildren(...data.items.map((a) => {
    const tr = el("tr", { "data-article-id": String(a.id) });
    const title = el("td");
    title.appendChild(el("a", { href: `#article/${a.id}` }, a.title || originName(a.origin)));
    const date = el("td");
    date.appendChild(dateEl(a.date));
    tr.append(el("td", {}, String(a.id)), date, el("td", {}, sourceName(a)), title, el("td", {}, String(a.story_id)));
    return tr;
  }));
  const last = Math.min(data.total, articlesOffset + data.items.length);
  document.getElementById("articles-page").textContent =
    data.total ? `${articlesOffset + 1}–${last} من ${counted(data.total, "article")}` : "الأرشيف فارغ";
  document.getElementById("articles-prev").disabled = articlesOffset === 0;
  document.getElementById("articles-next").disabled = last >= data.total;
}

async function search(event) {
  event.preventDefault();
  const q = document.getElementById("q").value;
  const sentences = document.getElementById("search-unit").value === "sentences";
  const status = document.getElementById("search-status");
  status.textContent = "جارٍ البحث…";
  const response = await api(`/api/search?${new URLSearchParams({ q, k: 20, sentences })}`);
  const data = await response.json();
  if (!response.ok) {
    status.textContent = "خطأ: " + problem(data, `الخادم أجاب ${response.status}`);
    return;
  }
  status.textContent = data.length ? `${data.length} نتيجة` : "لا نتائج.";
  document.getElementById("search-results").replaceChildren(...data.map((hit) => {
    const item = el("li", { "data-article-id": String(hit.article_id) });
    item.appendChild(el("a", { href: `#article/${hit.article_id}` }, hit.title || originName(hit.origin)));
    item.appendChild(el("span", { class: "muted" }, ` · ${sourceName(hit)} · ${hit.score.toFixed(2)}`));
    if (hit.sentence) item.appendChild(el("p", { class: "excerpt" }, hit.sentence));
    return item;
  }));
}

async function showArticle(id) {
  const response = await api(`/api/articles/${id}`);
  const data = await response.json();
  if (!response.ok) {
    document.getElementById("article-title").textContent = problem(data, "لا توجد مقالة بهذا الرقم");
    document.getElementById("article-sentences").replaceChildren();
    return;
  }
  document.getElementById("article-title").textContent = data.title || originName(data.origin);
  const meta = document.getElementById("article-meta");
  meta.replaceChildren(`${sourceName(data)} · `, dateEl(data.date), ` · ${originName(data.origin)}`);
  const href = data.url ? safeUrl(data.url) : null;
  if (href) meta.append(" · ", el("a", { href, rel: "noopener noreferrer", target: "_blank" }, "المصدر الأصلي"));
  const copies = document.getElementById("article-copies");
  copies.replaceChildren();
  if (data.copies.length) {
    copies.append(`القصة ${data.story_id}؛ ${counted(data.copies.length, "copy")} من القصة نفسها: `);
    data.copies.forEach((c, i) => copies.append(i ? "، " : "", el("a", { href: `#article/${c}` }, String(c))));
  }
  document.getElementById("article-sentences").replaceChildren(...data.sentences.map((s) => el("li", {}, s)));
}

// -- upload ------------------------------------------------------------------------------

let chosen = [];

function choose(files) {
  chosen = Array.from(files);
  document.getElementById("upload-files").replaceChildren(
    ...chosen.map((f) => el("li", {}, `${f.name} (${Math.max(1, Math.round(f.size / 1024))} ك.ب)`)));
  document.getElementById("upload-submit").disabled = chosen.length === 0;
}

async function upload() {
  const status = document.getElementById("upload-status");
  const errors = document.getElementById("upload-errors");
  errors.replaceChildren();
  if (!token()) {
    status.textContent = "الإضافة تحتاج رمز الدخول: اكتبه في أعلى الصفحة.";
    return;
  }
  const form = new FormData();
  for (const f of chosen) form.append("files", f, f.name);
  status.textContent = "جارٍ الرفع والتحليل…";
  document.getElementById("upload-submit").disabled = true;
  try {
    const response = await api("/api/ingest", { method: "POST", body: form, headers: authHeaders() });
    const data = await response.json();
    if (response.status === 401 || response.status === 403) {
      status.textContent = "رمز الدخول غير صحيح، أو الإضافة معطلة على هذا الخادم: " + problem(data, "");
    } else if (!response.ok) {
      status.textContent = "لم يُحفظ شيء: " + problem(data, `الخادم أجاب ${response.status}`);
      const list = (data.error && data.error.errors) || [];
      errors.replaceChildren(...list.map((e) => el("li", {}, `${e.path}: ${e.error}`)));
    } else {
      status.textContent = `أضيف ${counted(data.added, "article")}؛ دون تغيير ${data.unchanged}؛ ` +
        `نسخ رُبطت بقصص موجودة ${data.duplicates}.`;
      choose([]);
      loadStats();
    }
  } catch (e) {
    status.textContent = "تعذر الاتصال بالخادم.";
  } finally {
    document.getElementById("upload-submit").disabled = chosen.length === 0;
  }
}

// -- history -----------------------------------------------------------------------------

let historyOffset = 0;

async function loadHistory() {
  const response = await api(`/api/checks?limit=${PAGE}&offset=${historyOffset}`);
  const data = await response.json();
  if (!response.ok) {
    document.getElementById("history-page").textContent = problem(data, "");
    return;
  }
  document.getElementById("history-empty").hidden = data.total > 0;
  document.querySelector("#history tbody").replaceChildren(...data.items.map((r) => {
    const tr = el("tr", { "data-check-id": String(r.id) });
    const when = el("td");
    when.appendChild(dateEl(r.checked_at, true));
    const verdict = el("td");
    verdict.appendChild(el("span", { class: "pill " + r.verdict }, VERDICT_AR[r.verdict]));
    const override = el("td");
    if (r.verdict_override) override.appendChild(el("span", { class: "pill " + r.verdict_override }, VERDICT_AR[r.verdict_override]));
    const open = el("td");
    open.appendChild(el("a", { href: `#history/${r.id}` }, "تفاصيل"));
    tr.append(el("td", {}, String(r.id)), when, el("td", { class: "claim" }, r.claim), verdict, override,
              el("td", {}, r.asked_by), open);
    if (r.note) tr.title = r.note;
    return tr;
  }));
  const last = Math.min(data.total, historyOffset + data.items.length);
  document.getElementById("history-page").textContent = data.total ? `${historyOffset + 1}–${last} من ${counted(data.total, "check")}` : "";
  document.getElementById("history-prev").disabled = historyOffset === 0;
  document.getElementById("history-next").disabled = last >= data.total;
}

async function fetchCheck(id) {
  const response = await api(`/api/checks/${id}`);
  const data = await response.json();
  if (!response.ok) throw new Error(problem(data, `الخادم أجاب ${response.status}`));
  return data;
}

async function showCheckDetail(id) {
  const panel = document.getElementById("history-detail");
  const status = document.getElementById("detail-status");
  status.textContent = "";
  let record;
  try {
    record = await fetchCheck(id);
  } catch (e) {
    panel.hidden = false;
    document.getElementById("detail-title").textContent = e.message;
    return;
  }
  panel.hidden = false;
  panel.dataset.checkId = String(id);
  document.getElementById("detail-title").textContent = `التحقق رقم ${record.id}: ${record.claim}`;
  const meta = document.getElementById("detail-meta");
  meta.replaceChildren(dateEl(record.checked_at, true),
    ` · ${VERDICT_AR[record.verdict]} (${BASIS_AR[record.basis]}) · المجموعة: ${counted(record.corpus_articles, "article")}` +
    ` · بطلب من ${record.asked_by}`);
  if (record.edited_at) meta.append(" · آخر تعديل ", dateEl(record.edited_at, true), ` (${record.edited_by})`);
  document.getElementById("note").value = record.note || "";
  document.getElementById("override").value = record.verdict_override || "";
  document.getElementById("reopen").href = `#check/${record.id}`;
  for (const fmt of ["json", "csv", "html"]) {
    const link = document.getElementById(`export-${fmt}`);
    link.href = `/api/checks/${record.id}/export?format=${fmt}`;
    link.setAttribute("download", `burhan-check-${record.id}.${fmt}`);
  }
  panel.scrollIntoView({ block: "nearest" });
}

async function saveNote() {
  const panel = document.getElementById("history-detail");
  const status = document.getElementById("detail-status");
  if (!token()) {
    status.textContent = "الحفظ يحتاج رمز الدخول: اكتبه في أعلى الصفحة.";
    return;
  }
  const body = { note: document.getElementById("note").value, verdict_override: document.getElementById("override").value || null };
  const response = await api(`/api/checks/${panel.dataset.checkId}`, {
    method: "PATCH", body: JSON.stringify(body), headers: { "Content-Type": "application/json", ...authHeaders() },
  });
  const data = await response.json();
  if (!response.ok) {
    status.textContent = (response.status === 401 ? "رمز الدخول غير صحيح: " : "لم يُحفظ: ") + problem(data, "");
    return;
  }
  await loadHistory();
  await showCheckDetail(data.id);  // (it clears the status line: the message comes after)
  status.textContent = "حُفظت الملاحظة؛ حكم الآلة باقٍ كما هو.";
}

// -- views -------------------------------------------------------------------------------

async function route() {
  const [view, id] = (location.hash.replace(/^#/, "") || "check").split("/");
  const shown = ["check", "corpus", "article", "upload", "history"].includes(view) ? view : "check";
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${shown}`;
  for (const link of document.querySelectorAll("#views a")) {
    link.classList.toggle("current", link.dataset.view === shown || (shown === "article" && link.dataset.view === "corpus"));
  }
  if (shown === "corpus") await loadArticles();
  if (shown === "article") await showArticle(Number(id));
  if (shown === "history") {
    await loadHistory();
    if (id) await showCheckDetail(Number(id));
    else document.getElementById("history-detail").hidden = true;
  }
  if (shown === "check" && id) {
    try {
      const record = await fetchCheck(Number(id));
      document.getElementById("claim").value = record.claim;
      render(record.result, record);
    } catch (e) {
      document.getElementById("status").textContent = e.message;
    }
  }
  document.body.dataset.view = shown;
}

function setUp() {
  const tokenInput = document.getElementById("token");
  tokenInput.value = sessionStorage.getItem("burhan-token") || "";
  tokenInput.addEventListener("change", () => sessionStorage.setItem("burhan-token", token()));
  document.getElementById("check-form").addEventListener("submit", check);
  document.getElementById("search-form").addEventListener("submit", search);
  document.getElementById("articles-prev").addEventListener("click", () => { articlesOffset = Math.max(0, articlesOffset - PAGE); loadArticles(); });
  document.getElementById("articles-next").addEventListener("click", () => { articlesOffset += PAGE; loadArticles(); });
  document.getElementById("history-prev").addEventListener("click", () => { historyOffset = Math.max(0, historyOffset - PAGE); loadHistory(); });
  document.getElementById("history-next").addEventListener("click", () => { historyOffset += PAGE; loadHistory(); });
  document.getElementById("save-note").addEventListener("click", saveNote);
  document.getElementById("files").addEventListener("change", (event) => choose(event.target.files));
  document.getElementById("upload-submit").addEventListener("click", upload);
  const zone = document.getElementById("dropzone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => { event.preventDefault(); zone.classList.remove("over"); choose(event.dataTransfer.files); });
  window.addEventListener("hashchange", route);
  loadStats();
  route();
}

setUp();
