/// The page script (`/app.js`): evaluation on every change of the rehearsal form through `fetch`, new bid rows,
/// the upload's file picker and the simulation's progress. No framework; served as a file so that the pages
/// allow no inline script (Content-Security-Policy `script-src 'self'`).
enum Script {
    static let source = #"""
        "use strict";
        (function () {
          const form = document.getElementById("rehearsal");
          if (form) {
            let timer = null, sequence = 0;
            const evaluate = () => {
              const mine = ++sequence;
              document.body.dataset.requested = String(mine);
              delete document.body.dataset.dirty;
              const body = new URLSearchParams(new FormData(form));
              body.set("fragment", "1");
              fetch("/rehearse/evaluate", { method: "POST", body: body })
                .then(r => r.json())
                .then(data => {
                  if (mine !== sequence) return;
                  document.querySelectorAll(".msg").forEach(m => { m.textContent = ""; });
                  for (const [name, text] of Object.entries(data.fields || {})) {
                    const dot = name.indexOf(".");
                    const node = document.getElementById("m" + name.slice(1, dot) + "-" + name.slice(dot + 1));
                    if (node) node.textContent = text;
                  }
                  document.getElementById("results").innerHTML = data.results;
                  document.getElementById("message").textContent = "";
                  document.body.dataset.evaluated = String(mine);
                })
                .catch(e => { document.getElementById("message").textContent = "evaluation failed: " + e; });
            };
            const later = (delay) => {
              document.body.dataset.dirty = "1";
              clearTimeout(timer);
              timer = setTimeout(evaluate, delay);
            };
            form.addEventListener("input", () => later(300));
            form.addEventListener("change", () => later(50));
            // Another variant may plan other lots: the whole page is evaluated again.
            const variant = document.getElementById("variant");
            if (variant) variant.addEventListener("change", () => form.submit());
            document.querySelectorAll("button.add-row").forEach(button => {
              button.addEventListener("click", () => {
                const next = form.querySelector("input[name=next]");
                const index = Number(next.value);
                next.value = String(index + 1);
                const table = form.querySelector("table.bids[data-lot='" + CSS.escape(button.dataset.lot) + "']");
                const template = table.querySelector("tr[data-row]");
                const row = template.cloneNode(true);
                row.dataset.row = String(index);
                row.querySelectorAll("input").forEach(input => {
                  const field = input.name.slice(input.name.indexOf(".") + 1);
                  input.name = "r" + index + "." + field;
                  if (field !== "lot") input.value = "";
                });
                row.querySelectorAll(".msg").forEach(m => {
                  m.id = "m" + index + "-" + m.id.slice(m.id.indexOf("-") + 1);
                  m.textContent = "";
                });
                table.appendChild(row);
              });
            });
          }
          const picker = document.getElementById("upload-file");
          if (picker) {
            picker.addEventListener("change", () => {
              const file = picker.files[0];
              if (file) file.text().then(t => { document.getElementById("upload-text").value = t; });
            });
          }
          const bar = document.getElementById("bar");
          if (bar) {
            const job = bar.dataset.job;
            const poll = () => {
              fetch("/simulation/status?id=" + job).then(r => r.json()).then(s => {
                bar.firstElementChild.style.width = (s.total ? Math.floor(100 * s.done / s.total) : 0) + "%";
                document.getElementById("progress").textContent = s.error ? s.error : s.done + " of " + s.total + " replications";
                if (s.finished && !s.error) { window.location = "/simulation/report?id=" + job; }
                else if (!s.error) { setTimeout(poll, 300); }
              });
            };
            poll();
          }
        })();
        """#
}
