/* Position charts: Vega-Lite specs built from position data (the API's or one embedded in the
   page), rendered with the expression interpreter so no eval is needed under the page's CSP. */
(function () {
  "use strict";

  var COLORS = { support: "#1a7f37", neutral: "#6e7781", oppose: "#cf222e", unrated: "#bf8700" };
  var LABELS = "datum.value === 1 ? 'support' : datum.value === -1 ? 'oppose' : datum.value === 0 ? 'neutral' : ''";

  function positionSpec(data, linkTemplate) {
    var points = data.points.filter(function (p) { return p.date; }).map(function (p) {
      return {
        date: p.date, y: p.value === null ? 0 : p.value, label: p.label, outlet: p.outlet || "",
        speaker: p.speaker || "", quote: p.quote, assumed: p.assumed ? "assumed" : "stated",
        href: linkTemplate.replace("{id}", encodeURIComponent(p.statement_id))
      };
    });
    var months = data.months.map(function (m) {
      return { date: m.month + "-15", balance: m.balance, low: m.low, high: m.high, n: m.statements };
    });
    var shifts = data.shifts.map(function (s) {
      return { date: s.month + "-01", shift: s.from + " → " + s.to + " (confidence " + s.confidence.toFixed(2) + ")" };
    });
    var x = { field: "date", type: "temporal", title: "said on", scale: { padding: 14 } };
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: 260, autosize: { type: "fit", contains: "padding" },
      layer: [
        { data: { values: shifts }, mark: { type: "rule", strokeDash: [6, 4], color: "#8250df", strokeWidth: 2 },
          encoding: { x: x, tooltip: [{ field: "shift", title: "shift" }] } },
        { data: { values: months }, mark: { type: "area", color: "#57606a", opacity: 0.12 },
          encoding: { x: x, y: { field: "low", type: "quantitative" }, y2: { field: "high" } } },
        { data: { values: months }, mark: { type: "line", color: "#57606a", strokeWidth: 1.5 },
          encoding: { x: x, y: { field: "balance", type: "quantitative" },
                      tooltip: [{ field: "balance", title: "balance" }, { field: "low", title: "90 % from" },
                                { field: "high", title: "90 % to" }, { field: "n", title: "statements" }] } },
        { data: { values: points }, mark: { type: "point", filled: true, size: 140, cursor: "pointer" },
          encoding: {
            x: x,
            y: { field: "y", type: "quantitative", title: "stance", scale: { domain: [-1.3, 1.3] },
                 axis: { values: [-1, 0, 1], labelExpr: LABELS } },
            color: { field: "label", type: "nominal", title: "stance",
                     scale: { domain: Object.keys(COLORS), range: Object.keys(COLORS).map(function (k) { return COLORS[k]; }) },
                     legend: { orient: "bottom" } },
            shape: { field: "assumed", type: "nominal", title: "date", scale: { domain: ["stated", "assumed"], range: ["square", "circle"] }, legend: null },
            href: { field: "href" },
            tooltip: [
              { field: "date", type: "temporal", title: "said on" }, { field: "label", title: "stance" },
              { field: "speaker" }, { field: "outlet" }, { field: "quote" }
            ]
          } }
      ]
    };
  }

  function loadData(el) {
    var carried = el.getAttribute("data-values");
    if (carried) { return Promise.resolve(JSON.parse(carried)); }
    var embedded = el.getAttribute("data-json");
    if (embedded) {
      return Promise.resolve(JSON.parse(document.getElementById(embedded).textContent));
    }
    return fetch(el.getAttribute("data-src"), { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) { throw new Error("the API answered " + response.status); }
      return response.json();
    });
  }

  function draw(el) {
    return loadData(el).then(function (data) {
      el.textContent = "";
      if (!data.points.length) {
        el.textContent = "No statement to chart.";
        el.setAttribute("data-rendered", "0");
        return null;
      }
      return vegaEmbed(el, positionSpec(data, el.getAttribute("data-link")), {
        renderer: "svg", actions: false, ast: true, expr: vega.expressionInterpreter, defaultStyle: false,
        tooltip: { disableDefaultStyle: true }
      }).then(function () { el.setAttribute("data-rendered", String(data.points.length)); });
    }).catch(function (error) {
      el.setAttribute("data-error", String(error));
      el.textContent = "The chart could not be drawn: " + error;
    });
  }

  document.querySelectorAll("[data-chart=position]").forEach(draw);
})();
