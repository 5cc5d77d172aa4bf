// An accessibility audit run inside the page: what a screen reader or keyboard user would
// trip over, and text below WCAG AA contrast. Returns a list of problems (empty is good).
() => {
  const problems = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== "hidden" && style.display !== "none" && box.width > 0 && box.height > 0;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.name ? "[name=" + el.name + "]" : "");

  if (!document.documentElement.lang) problems.push("<html> has no lang");
  if (!document.title.trim()) problems.push("the page has no <title>");
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) problems.push(h1s.length + " <h1> elements (want exactly 1)");

  let last = 0;
  document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").forEach((h) => {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push("heading jumps from h" + last + " to h" + level + ": " + h.textContent.trim());
    last = level;
  });

  document.querySelectorAll("input, select, textarea").forEach((el) => {
    if (el.type === "hidden" || !visible(el)) return;
    const named = (el.labels && el.labels.length) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) problems.push("unlabelled control " + describe(el));
  });
  document.querySelectorAll("button, a[href]").forEach((el) => {
    if (!visible(el)) return;
    const name = (el.textContent || "").trim() || el.getAttribute("aria-label") || el.getAttribute("title") ||
      (el.querySelector("img[alt]") && el.querySelector("img[alt]").alt);
    if (!name) problems.push("a " + el.tagName.toLowerCase() + " with no accessible name: " + el.outerHTML.slice(0, 80));
  });
  document.querySelectorAll("img").forEach((img) => {
    if (!img.hasAttribute("alt")) problems.push("image without alt: " + img.src);
  });
  document.querySelectorAll("[tabindex]").forEach((el) => {
    if (Number(el.getAttribute("tabindex")) > 0) problems.push("positive tabindex on " + describe(el));
  });
  const ids = {};
  document.querySelectorAll("[id]").forEach((el) => { ids[el.id] = (ids[el.id] || 0) + 1; });
  Object.keys(ids).forEach((id) => { if (ids[id] > 1) problems.push("id used " + ids[id] + " times: " + id); });

  // Contrast: each element with its own text, against the first opaque background behind it.
  const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3] === 1)) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const seen = new Set();
  document.querySelectorAll("body *:not(script):not(style):not(svg):not(svg *)").forEach((el) => {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el)) return;
    const style = getComputedStyle(el);
    const fg = rgb(style.color).slice(0, 3);
    const bg = background(el);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    const key = style.color + "/" + bg.join(",");
    if (ratio < need && !seen.has(key)) {
      seen.add(key);
      problems.push("contrast " + ratio.toFixed(2) + " < " + need + " for “" + el.textContent.trim().slice(0, 40) + "” (" + style.color + " on rgb(" + bg.join(",") + "))");
    }
  });
  return problems;
}
