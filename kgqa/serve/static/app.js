// kgqa's web page: forms for /v1/ask, /v1/verify and /v1/diagnose, the answers, and the
// evidence graph drawn as SVG (a small force layout; no library, no build step).
// Text from the server is only ever set as textContent, never parsed as HTML.
"use strict";

const I18N = {
  en: {
    tagline: "Medical questions answered from a knowledge graph, with the evidence",
    ask: "Ask", verify: "Verify", diagnose: "Diagnose", question: "Question",
    choices: "Multiple choice (optional)", optionsHint: "one option per line",
    askButton: "Ask", claim: "Claim", verifyButton: "Verify", findings: "Findings",
    excluded: "Absent findings (comma separated)", proposed: "Proposed diagnosis (optional)",
    drugs: "Drugs to check (comma separated, optional)", diagnoseButton: "Rank diseases",
    key: "API key", evidence: "Evidence graph",
    footer: "Research software, not medical advice. Every answer shows its sources.",
    working: "Working…", readAs: "Read as", topic: "topic", relation: "relation",
    polarity: "polarity", noAnswer: "No answer", probability: "p",
    support: "support", via: "via", showsIt: ", a disease that shows it", passages: "Passages", options: "Options",
    differential: "Differential", of: "of", diseases: "diseases scored",
    unlinked: "Not recognised", present: "Findings", absent: "Absent",
    next: "Worth asking next (click: present; shift-click: absent)",
    bits: "bits", separates: "separates", usualIn: "usual in", notIn: "not in", score: "score (sum of log LR)", contributions: "Per-finding contributions (log LR)",
    proposedCheck: "Proposed diagnosis", drugCheck: "Drug check", ids: "Ids",
    names: "Names", neighbours: "Neighbours", sources: "Sources", close: "close",
    needKey: "This service needs an API key: enter it and submit again.",
    empty: "Type something first.", nodes: "nodes", edges: "Edges", noGraph: "No graph evidence.",
  },
  zh: {
    tagline: "基于知识图谱回答医学问题，并给出证据",
    ask: "提问", verify: "核实", diagnose: "诊断", question: "问题",
    choices: "选择题（可选）", optionsHint: "每行一个选项", askButton: "提问", claim: "陈述",
    verifyButton: "核实", findings: "表现", excluded: "没有的表现（逗号分隔）",
    proposed: "拟诊断（可选）", drugs: "要核对的药物（逗号分隔，可选）",
    diagnoseButton: "排序疾病", key: "API 密钥", evidence: "证据图",
    footer: "研究用软件，不是医疗建议。每个答案都列出来源。",
    working: "处理中…", readAs: "理解为", topic: "主题", relation: "关系", polarity: "极性",
    noAnswer: "没有答案", probability: "概率", support: "支持度", via: "经由", showsIt: "（表现出该症状的疾病）",
    passages: "文献段落", options: "选项", differential: "鉴别诊断", of: "/",
    diseases: "种疾病参与评分", unlinked: "未识别", present: "有", absent: "无",
    next: "下一步值得询问（点击：有；Shift+点击：无）", bits: "比特", separates: "区分", usualIn: "常见于", notIn: "不见于",
    score: "得分（对数似然比之和）",
    contributions: "各表现的贡献（对数似然比）", proposedCheck: "拟诊断",
    drugCheck: "药物核对", ids: "编号", names: "名称", neighbours: "相邻关系",
    sources: "来源", close: "关闭", needKey: "此服务需要 API 密钥：请输入后重新提交。",
    empty: "请先输入内容。", nodes: "个节点", edges: "关系", noGraph: "没有图谱证据。",
  },
};
const CLASS_COLOURS = {
  Disease: "#c0392b", Phenotype: "#2471a3", Drug: "#1e8449", Chemical: "#1e8449",
  Gene: "#8e44ad", Variant: "#b9770e", DrugClass: "#117a65", Anatomy: "#6e2c00",
};

let lang = /^zh/i.test(navigator.language || "") ? "zh" : "en";
let lastDiagnosis = null;

// ------------------------------------------------------------------ helpers
function el(tag, attrs, ...children) {
  const ns = ["svg", "g", "line", "circle", "text", "path", "title", "marker"].includes(tag)
    ? "http://www.w3.org/2000/svg" : null;
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const t = (key) => (I18N[lang][key] ?? I18N.en[key] ?? key);
const hasCJK = (s) => /[\u3400-\u9fff]/.test(s || "");
function label(node) {
  if (!node) return "";
  const zh = node.label_zh || "";
  return lang === "zh" && zh ? `${zh} (${node.label})` : node.label;
}
function setStatus(text, isError) {
  const s = document.getElementById("status");
  s.textContent = text || "";
  s.className = isError ? "error" : "";
}
function probBar(p, extra) {
  const v = Math.max(0, Math.min(1, Number(p) || 0));
  const fill = el("span");
  fill.style.width = `${(v * 100).toFixed(0)}%`;
  const shown = v > 0 && v < 0.01 ? "<0.01" : v.toFixed(2);
  return el("span", { class: "prob" }, el("span", { class: "bar" }, fill),
    `${t("probability")} ${shown}`, extra || "");
}
function applyLanguage() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll("[data-i18n-placeholder]")) {
    n.placeholder = t(n.dataset.i18nPlaceholder);
  }
  document.getElementById("lang").textContent = lang === "zh" ? "English" : "中文";
}

async function call(path, body) {
  const headers = { "Content-Type": "application/json" };
  const key = sessionStorage.getItem("kgqa-key") || document.getElementById("apikey").value;
  if (key) headers["X-API-Key"] = key;
  const resp = await fetch(path, body === undefined ? { headers } :
    { method: "POST", headers, body: JSON.stringify(body) });
  let data = null;
  try { data = await resp.json(); } catch (e) { data = null; }
  if (resp.status === 401) {
    document.getElementById("key-row").classList.remove("hidden");
    throw new Error(t("needKey"));
  }
  if (!resp.ok) {
    const err = (data && data.error) || {};
    throw new Error(`${resp.status}: ${err.field ? err.field + ": " : ""}${err.message || resp.statusText}`);
  }
  if (key) sessionStorage.setItem("kgqa-key", key);
  return data;
}

// ---------------------------------------------------------------- renderers
function showReading(result) {
  const r = result.reading;
  if (!r) return el("div", { class: "reading" }, `${t("readAs")}: ${result.intent}`);
  const parts = [el("b", {}, r.intent), ` (${Number(r.intent_score).toFixed(2)})`];
  if (r.topic) parts.push(` · ${t("topic")}: `, el("b", {}, r.topic.label), ` [${r.topic.curie}]`,
    ` (${Number(r.topic_score).toFixed(2)})`);
  // further topics asked of together ("both A and B"): an answer holds for each
  for (const n of r.also || []) parts.push(" + ", el("b", {}, label(n)), ` [${n.curie}]`);
  if (r.relation) parts.push(` · ${t("relation")}: ${r.relation}${r.reversed ? " ⟵" : ""}`);
  if (r.polarity && r.polarity !== "positive") parts.push(` · ${t("polarity")}: `, el("b", {}, r.polarity));
  return el("div", { class: "reading" }, `${t("readAs")}: `, ...parts);
}
function nodeOf(graph, id) { return graph.nodes.find((n) => n.id === id); }

function answerItem(a, graph) {
  const gn = nodeOf(graph, a.node.curie) || a.node;
  // a gene of a disease that shows the finding asked about reads "via X, a disease that shows it"
  const viaWords = a.via && a.via_relation === "shown by"
    ? `${t("via")} ${a.via.label}${t("showsIt")}` : a.via ? `${t("via")} ${a.via_relation} ${a.via.label}` : "";
  const via = a.via ? el("span", { class: "muted" }, ` ${viaWords}`) : null;
  const support = a.support !== null && a.support !== undefined
    ? el("span", { class: "muted" }, ` ${t("support")} ${Number(a.support).toFixed(2)}`) : null;
  return el("li", { class: a.verdict === "supported" ? "" : "unsupported" },
    el("span", {}, label(gn), " ", el("span", { class: "curie" }, `[${a.node.curie}]`), via,
      a.verdict !== "supported" ? el("span", { class: "muted" }, ` · ${a.verdict}`) : null),
    probBar(a.score, support));
}

function showPassages(passages) {
  if (!passages || !passages.length) return null;
  return el("details", {}, el("summary", {}, `${t("passages")} (${passages.length})`),
    passages.slice(0, 5).map((p) => el("div", { class: "passage" },
      el("div", { class: "curie" }, `${p.source} ${p.source_id}`), p.text.slice(0, 400))));
}

function showAsk(reply) {
  const r = reply.result;
  const box = document.getElementById("answer");
  box.replaceChildren(showReading(r));
  if (r.verdict) box.append(showVerdictBlock(r.verdict));
  if (r.no_answer) box.append(el("p", {}, el("b", {}, `${t("noAnswer")}: `), r.reason));
  // the note says how to read the answers ("the page ... says: ...", "genes that raise its
  // risk"): before them, as the CLI prints it
  if (!r.no_answer && r.reason) box.append(el("p", { class: "muted note" }, r.reason));
  const list = r.options.length ? r.options : r.answers;
  if (list.length) {
    if (r.options.length) box.append(el("div", { class: "muted" }, t("options")));
    box.append(el("ol", { class: "answers" }, list.map((a) => answerItem(a, reply.graph))));
  }
  box.append(showPassages(reply.graph.passages) || "");
  drawGraph(reply.graph);
}

function showVerdictBlock(v) {
  const probs = (v.probabilities || []).map(([k, p]) => `${k} ${Number(p).toFixed(2)}`).join(" · ");
  const rel = v.relation ? `${v.negated ? "NOT " : ""}${v.subject ? v.subject.label : "?"} —${v.relation}→ ${v.object ? v.object.label : "?"}` : "";
  return el("div", {},
    el("div", { class: `verdict ${v.verdict}` }, `${v.verdict} (${Number(v.score).toFixed(2)})`),
    rel ? el("div", { class: "reading" }, `${t("readAs")}: ${rel}`) : null,
    v.reason ? el("p", { class: "muted" }, v.reason) : null,
    probs ? el("div", { class: "muted" }, probs) : null);
}

function showVerify(reply) {
  const box = document.getElementById("answer");
  box.replaceChildren(showVerdictBlock(reply.verdict), showPassages(reply.graph.passages) || "");
  drawGraph(reply.graph);
}

function contributionChart(ranked, named) {
  const maxAbs = Math.max(1, ...ranked.contributions.map((c) => Math.abs(c.log_lr)));
  return el("div", {}, el("div", { class: "muted" }, t("contributions")),
    ranked.contributions.map((c) => {
      const w = `${(Math.abs(c.log_lr) / maxAbs * 50).toFixed(1)}%`;
      const bar = el("span", { class: c.log_lr >= 0 ? "pos" : "neg" });
      bar.style.width = w;
      const name = `${c.finding.excluded ? t("absent") + ": " : ""}${named(c.finding.node)}`;
      return el("div", { class: "contrib", title: c.kind },
        el("span", {}, name), el("span", { class: "track" }, bar),
        el("span", {}, Number(c.log_lr).toFixed(2)));
    }));
}

function showDiagnosis(reply) {
  lastDiagnosis = reply;
  const d = reply.differential;
  const box = document.getElementById("answer");
  const named = (n) => label(nodeOf(reply.graph, n.curie) || n);
  const present = d.findings.filter((f) => !f.excluded).map((f) => named(f.node)).join(", ");
  const absent = d.findings.filter((f) => f.excluded).map((f) => named(f.node)).join(", ");
  box.replaceChildren(
    el("div", { class: "reading" }, `${t("present")}: `, el("b", {}, present || "—"),
      absent ? ` · ${t("absent")}: ${absent}` : "",
      d.unlinked.length ? ` · ${t("unlinked")}: ${d.unlinked.join(", ")}` : ""));
  if (d.proposed) {
    box.append(el("p", {}, el("b", {}, `${t("proposedCheck")}: `),
      `${d.proposed.disease.label}: ${d.proposed.verdict}`, el("span", { class: "muted" }, ` ${d.proposed.reason}`)));
  }
  for (const dc of d.drugs) {
    box.append(el("p", {}, el("b", {}, `${t("drugCheck")}: `),
      `${dc.drug.label} → ${dc.disease.label}: ${dc.relation}${dc.via ? ` (${t("via")} ${dc.via.label})` : ""}`));
  }
  const detail = el("div", {});
  const items = d.ranked.map((r, i) => {
    const gn = nodeOf(reply.graph, r.node.curie) || r.node;
    const li = el("li", { "data-curie": r.node.curie },
      label(gn), " ", el("span", { class: "curie" }, `[${r.node.curie}]`), " ",
      probBar(r.posterior, el("span", { class: "muted" }, ` · ${t("score")} ${Number(r.score).toFixed(2)}`)));
    li.addEventListener("click", () => {
      for (const o of li.parentNode.children) o.classList.remove("open");
      li.classList.add("open");
      detail.replaceChildren(contributionChart(r, named));
    });
    if (i === 0) { li.classList.add("open"); detail.append(contributionChart(r, named)); }
    return li;
  });
  box.append(el("div", { class: "muted" }, `${t("differential")} (${d.ranked.length} ${t("of")} ${d.n_diseases} ${t("diseases")})`),
    el("ol", { class: "ranked" }, items), detail);
  if (d.suggestions.length) {
    box.append(el("div", { class: "muted" }, t("next")), el("div", { class: "suggest" },
      d.suggestions.map((s) => el("button", {
        type: "button", class: "suggestion", "data-curie": s.node.curie,
        title: `${Number(s.information_gain).toFixed(2)} ${t("bits")}`
          + ((s.present_in || []).length ? ` · ${t("usualIn")} ${s.present_in.map(named).join(", ")}` : "")
          + ((s.absent_in || []).length ? ` · ${t("notIn")} ${s.absent_in.slice(0, 4).map(named).join(", ")}` : ""),
        onclick: (ev) => addFinding(s.node.label, ev.shiftKey),
      }, `+ ${named(s.node)}`))));
  }
  drawGraph(reply.graph);
}

function addFinding(name, absent) {
  if (absent) {
    const ex = document.getElementById("excluded");
    ex.value = ex.value.trim() ? `${ex.value.trim()}, ${name}` : name;
  } else {
    const f = document.getElementById("findings");
    f.value = f.value.trim() ? `${f.value.trim()}; ${name}` : name;
  }
  document.getElementById("diagnose-form").requestSubmit();
}

// ------------------------------------------------------------- the graph
function drawGraph(graph) {
  const svg = document.getElementById("graph");
  svg.replaceChildren();
  document.getElementById("node-panel").classList.add("hidden");
  const edges = graph.edges.slice(0, 120);
  const ids = new Set(edges.flatMap((e) => [e.subject, e.object]));
  for (const b of graph.bindings) if (b.node) ids.add(b.node);
  const nodes = graph.nodes.filter((n) => ids.has(n.id)).slice(0, 80);
  svg.dataset.nodes = String(nodes.length);
  svg.dataset.edges = String(edges.length);
  if (!nodes.length) {
    svg.append(el("text", { x: 20, y: 30, class: "edge-label" }, t("noGraph")));
    return;
  }
  const W = svg.clientWidth || 800, H = svg.clientHeight || 460;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    return [n.id, { x: W / 2 + Math.cos(a) * W / 3.2, y: H / 2 + Math.sin(a) * H / 3.2, vx: 0, vy: 0 }];
  }));
  const links = edges.filter((e) => pos.has(e.subject) && pos.has(e.object) && e.subject !== e.object);
  // a small force layout: springs along edges, repulsion between nodes, pull to the centre
  const k = Math.sqrt((W * H) / nodes.length) * 0.55;
  for (let it = 0; it < 250; it++) {
    const cool = 1 - it / 250;
    for (const a of nodes) {
      const pa = pos.get(a.id);
      for (const b of nodes) {
        if (a === b) continue;
        const pb = pos.get(b.id);
        let dx = pa.x - pb.x, dy = pa.y - pb.y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = (k * k) / d2;
        pa.vx += dx * f * 0.02; pa.vy += dy * f * 0.02;
      }
      pa.vx += (W / 2 - pa.x) * 0.01; pa.vy += (H / 2 - pa.y) * 0.01;
    }
    for (const e of links) {
      const ps = pos.get(e.subject), po = pos.get(e.object);
      const dx = po.x - ps.x, dy = po.y - ps.y, d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d - k) * 0.04;
      ps.vx += (dx / d) * f; ps.vy += (dy / d) * f; po.vx -= (dx / d) * f; po.vy -= (dy / d) * f;
    }
    for (const p of pos.values()) {
      p.x = Math.min(W - 30, Math.max(30, p.x + Math.max(-20, Math.min(20, p.vx)) * cool));
      p.y = Math.min(H - 20, Math.max(20, p.y + Math.max(-20, Math.min(20, p.vy)) * cool));
      p.vx *= 0.5; p.vy *= 0.5;
    }
  }
  const drawn = new Set();
  for (const e of links) {
    const ps = pos.get(e.subject), po = pos.get(e.object);
    const neg = /lacks|notIndicated|contraindicat/i.test(e.relation);
    svg.append(el("line", { class: `edge${neg ? " negative" : ""}`, x1: ps.x, y1: ps.y, x2: po.x, y2: po.y, "data-edge": e.id },
      el("title", {}, `${e.relation} (${e.source}${e.licence ? ", " + e.licence : ""})`)));
    const key = `${e.subject}|${e.relation}|${e.object}`;
    if (!drawn.has(key)) {
      drawn.add(key);
      svg.append(el("text", { class: "edge-label", x: (ps.x + po.x) / 2, y: (ps.y + po.y) / 2 - 2 }, e.relation));
    }
  }
  const bound = new Set(graph.bindings.map((b) => b.node));
  for (const n of nodes) {
    const p = pos.get(n.id);
    const g = el("g", { class: "node", "data-id": n.id, transform: `translate(${p.x},${p.y})`, tabindex: 0 },
      el("circle", { r: bound.has(n.id) ? 9 : 6, fill: CLASS_COLOURS[n.cls] || "#566573" }),
      el("text", { x: 11, y: 4 }, label(n).slice(0, 40)),
      el("title", {}, `${n.label} [${n.id}] ${n.cls}`));
    g.addEventListener("click", () => showNode(n.id, g));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") showNode(n.id, g); });
    svg.append(g);
  }
}

async function showNode(id, g) {
  for (const o of document.querySelectorAll("#graph .node")) o.classList.remove("selected");
  g.classList.add("selected");
  const panel = document.getElementById("node-panel");
  panel.classList.remove("hidden");
  panel.replaceChildren(el("p", { class: "muted" }, t("working")));
  try {
    const info = await call(`/v1/nodes/${encodeURIComponent(id)}?limit=40`);
    const byId = new Map(info.graph.nodes.map((n) => [n.id, n]));
    const counts = info.relations.map((r) => `${r.relation} ${r.direction === "out" ? "→" : "←"} ${r.count}`).join(" · ");
    panel.replaceChildren(
      el("button", { type: "button", class: "close", onclick: () => panel.classList.add("hidden") }, t("close")),
      el("h3", {}, label(info.node)),
      el("div", { class: "curie" }, `${info.node.id} · ${info.node.cls}`),
      el("div", {}, el("b", {}, `${t("ids")}: `), info.ids.join(", ")),
      el("div", {}, el("b", {}, `${t("names")}: `), info.names.slice(0, 12).map(([n, l]) => `${n} (${l})`).join("; ")),
      el("div", {}, el("b", {}, `${t("sources")}: `), info.sources.join(", ")),
      el("div", {}, el("b", {}, `${t("edges")}: `), counts),
      el("div", {}, el("b", {}, `${t("neighbours")}${info.truncated ? ` (${info.graph.edges.length})` : ""}:`)),
      el("ul", { class: "neighbours" }, info.graph.edges.map((e) => {
        const other = e.subject === info.node.id ? byId.get(e.object) : byId.get(e.subject);
        const dir = e.subject === info.node.id ? "→" : "←";
        return el("li", {}, `${e.relation} ${dir} ${other ? label(other) : "?"} `, el("span", { class: "curie" }, `(${e.source})`));
      })));
  } catch (err) {
    panel.replaceChildren(el("p", { class: "muted" }, err.message));
  }
}

// ---------------------------------------------------------------- wiring
function list(value) { return value.split(/[,，;；\n]/).map((s) => s.trim()).filter(Boolean); }

async function submit(ev, run) {
  ev.preventDefault();
  // the answer on show belongs to the last request: greyed while this one runs, gone if it fails
  const box = document.getElementById("answer");
  box.setAttribute("aria-busy", "true");
  setStatus(t("working"));
  try {
    await run();
    setStatus("");
  } catch (err) {
    box.replaceChildren();
    setStatus(err.message, true);
  } finally {
    box.removeAttribute("aria-busy");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  applyLanguage();
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    applyLanguage();
    if (lastDiagnosis && !document.querySelector('[data-panel="diagnose"]').classList.contains("hidden")) showDiagnosis(lastDiagnosis);
  });
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => {
      for (const o of document.querySelectorAll(".tab")) o.classList.toggle("active", o === tab);
      for (const p of document.querySelectorAll(".panel")) p.classList.toggle("hidden", p.dataset.panel !== tab.dataset.tab);
    });
  }
  document.getElementById("ask-form").addEventListener("submit", (ev) => submit(ev, async () => {
    const question = document.getElementById("question").value.trim();
    if (!question) throw new Error(t("empty"));
    if (hasCJK(question)) { lang = "zh"; applyLanguage(); }
    const options = document.getElementById("options").value.split("\n").map((s) => s.trim()).filter(Boolean);
    showAsk(await call("/v1/ask", { question, options: options.length ? options : null, k: 10, language: lang }));
  }));
  document.getElementById("verify-form").addEventListener("submit", (ev) => submit(ev, async () => {
    const claim = document.getElementById("claim").value.trim();
    if (!claim) throw new Error(t("empty"));
    showVerify(await call("/v1/verify", { claim, language: lang }));
  }));
  document.getElementById("diagnose-form").addEventListener("submit", (ev) => submit(ev, async () => {
    const findings = document.getElementById("findings").value.trim();
    if (!findings) throw new Error(t("empty"));
    const proposed = document.getElementById("proposed").value.trim() || null;
    showDiagnosis(await call("/v1/diagnose", {
      findings, excluded: list(document.getElementById("excluded").value), proposed,
      drugs: list(document.getElementById("drugs").value), k: 10, language: lang,
    }));
  }));
});
