// The program editor without round trips. The page works without this file: "Suggest from CIP
// code" and each "Remove" are submit buttons the server answers by re-rendering the form.
// With it: choosing a CIP code fetches /suggest/cip/crosswalk and fills in the occupations the
// crosswalk links it to and the skills they need (rows not listed yet, at the suggested level);
// "Remove" takes the row out at once. Every text from the server goes in as text, never markup.
(function () {
  "use strict";

  var form = document.getElementById("program-form");
  if (!form) { return; }
  var cip = form.querySelector("input[data-crosswalk]");
  var rows = document.getElementById("skill-rows");
  var noSkills = document.getElementById("no-skills");
  var crosswalkBody = document.getElementById("crosswalk-body");
  var suggestButton = document.getElementById("suggest-from-cip");
  var CODE = /^\s*(\d{2}\.\d{4})(?:\s|$)/;
  var asked = "";
  var controller = null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function nextIndex() {
    var highest = -1;
    rows.querySelectorAll("input[name^='skills-']").forEach(function (input) {
      var found = /^skills-(\d+)-/.exec(input.name);
      if (found) { highest = Math.max(highest, Number(found[1])); }
    });
    return highest + 1;
  }

  function listedRows() {
    var listed = {};
    rows.querySelectorAll("tr[data-skill]").forEach(function (row) {
      listed[row.getAttribute("data-skill")] = row;
    });
    return listed;
  }

  function updateEmpty() {
    noSkills.hidden = rows.querySelector("tr") !== null;
  }

  function capitalized(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
  }

  function addRow(skill) {
    var index = nextIndex();
    var id = "skills-" + index + "-level";
    var row = element("tr", { "data-skill": skill.element_id });
    var name = element("th", { scope: "row" }, skill.name + " ");
    name.append(element("span", { class: "muted" }, skill.element_id));
    name.append(element("input", { type: "hidden", name: "skills-" + index + "-skill", value: skill.element_id }));
    var level = element("td", { class: "num" });
    level.append(element("label", { class: "visually-hidden", for: id }, "Level taught: " + skill.name));
    level.append(element("input", {
      type: "number", id: id, name: id, value: String(skill.level), min: "0", max: "7", step: "0.01", required: ""
    }));
    var remove = element("button", {
      type: "submit", name: "remove_skill", value: skill.element_id, class: "button secondary remove-skill"
    }, "Remove");
    remove.append(element("span", { class: "visually-hidden" }, " " + skill.name));
    var removeCell = element("td");
    removeCell.append(remove);
    row.append(name, element("td", {}, capitalized(skill.kind)),
      element("td", { class: "num suggested" }, skill.level.toFixed(2)), level, removeCell);
    rows.append(row);
  }

  function showCrosswalk(data) {
    var intro = element("p", {}, data.cip + " " + data.title + ", by the NCES CIP 2020 ↔ SOC 2018 crosswalk:");
    var parts = [intro];
    if (data.occupations.length) {
      var list = element("ul");
      data.occupations.forEach(function (occupation) {
        var item = element("li");
        item.append(element("a", { href: occupation.url }, occupation.title), " ",
          element("span", { class: "muted" }, occupation.soc));
        list.append(item);
      });
      parts.push(list);
    } else {
      parts.push(element("p", {}, "The crosswalk links this code to no occupation in the catalog."));
    }
    crosswalkBody.replaceChildren.apply(crosswalkBody, parts);
  }

  function fill(data) {
    showCrosswalk(data);
    var listed = listedRows();
    var added = 0;
    data.skills.forEach(function (skill) {
      var row = listed[skill.element_id];
      if (row) {
        var cell = row.querySelector("td.num");
        if (cell) { cell.textContent = skill.level.toFixed(2); }
      } else {
        addRow(skill);
        added += 1;
      }
    });
    updateEmpty();
    crosswalkBody.append(element("p", { class: "notice" },
      added ? added + " suggested skills added below: check each level." : "Every suggested skill is already listed."));
  }

  function suggest() {
    var found = CODE.exec(cip.value);
    if (!found) { return false; }
    if (found[1] === asked) { return true; }
    asked = found[1];
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var url = new URL(cip.getAttribute("data-crosswalk"), window.location.href);
    url.searchParams.set("cip", found[1]);
    fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal })
      .then(function (response) {
        if (!response.ok) { asked = ""; return null; }
        return response.json();
      })
      .then(function (data) { if (data) { fill(data); } })
      .catch(function () { asked = ""; /* the button still works the server way */ });
    return true;
  }

  cip.addEventListener("change", suggest);
  cip.addEventListener("input", function () {
    // A choice from the datalist puts the whole "NN.NNNN Title" in at once.
    if (/^\s*\d{2}\.\d{4}\s+\S/.test(cip.value)) { suggest(); }
  });
  if (suggestButton) {
    suggestButton.addEventListener("click", function (event) {
      // A typed title (no code yet) goes to the server, which finds the code.
      if (CODE.test(cip.value)) {
        event.preventDefault();
        asked = "";
        suggest();
      }
    });
  }

  rows.addEventListener("click", function (event) {
    var button = event.target.closest("button.remove-skill");
    if (!button) { return; }
    event.preventDefault();
    var row = button.closest("tr");
    var neighbour = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    updateEmpty();
    var focusable = neighbour ? neighbour.querySelector("button.remove-skill") : cip;
    if (focusable) { focusable.focus(); }
  });
})();
