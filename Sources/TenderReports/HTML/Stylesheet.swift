/// The report's stylesheet, inlined in `<style>`: system fonts with CJK fallbacks, laptop-width layout, and
/// A4 print rules.
enum Stylesheet {
    static let css = """
        :root {
          --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --band: #f8fafc; --paper: #fff;
          --accent: #166534; --accent-soft: #dcfce7; --warn: #b45309; --warn-soft: #fef3c7;
          --bad: #b91c1c; --bad-soft: #fee2e2; --info: #075985; --info-soft: #e0f2fe;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: #eef0f3; color: var(--ink); font-size: 14px; line-height: 1.5;
          font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
        }
        main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
        .en { color: var(--muted); font-weight: normal; }
        .masthead { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 18px; }
        .kicker { margin: 0; color: var(--accent); font-size: 12px; letter-spacing: .03em; }
        h1 { margin: 4px 0 6px; font-size: 26px; line-height: 1.25; }
        .facts { margin: 0; color: var(--muted); font-size: 13px; }
        .facts span + span::before { content: " · "; }
        nav.toc { margin: 0 0 8px; font-size: 13px; }
        nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; }
        nav.toc a { color: var(--info); text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        h2 { margin: 34px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); font-size: 19px; }
        h3 { margin: 0 0 4px; font-size: 16px; }
        h4 { margin: 14px 0 6px; font-size: 14px; }
        .kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 16px 0; }
        .kpi { padding: 8px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--band); }
        .kpi .k { font-size: 12px; color: var(--muted); line-height: 1.3; }
        .kpi .v { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .kpi .d { font-size: 12px; color: var(--muted); }
        .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; align-items: start; }
        figure { margin: 0; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; }
        figcaption { margin-bottom: 6px; font-weight: 600; }
        figcaption small { display: block; font-weight: normal; font-size: 12px; color: var(--muted); }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
        svg .grid { stroke: #e5e7eb; stroke-width: 1; }
        svg .axis { stroke: #9ca3af; stroke-width: 1; }
        svg .tick { font-size: 10px; fill: var(--muted); }
        svg .row-label { font-size: 12px; fill: var(--ink); }
        svg .value { font-size: 11px; fill: var(--ink); }
        svg .note { font-size: 11px; fill: var(--bad); }
        svg .legend { font-size: 11px; fill: var(--ink); }
        svg .reference { stroke: var(--warn); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .reference-label { font-size: 11px; fill: var(--warn); }
        svg .segment-label { font-size: 11px; fill: #fff; }
        svg .empty { fill: #f3f4f6; }
        .s-ceiling { fill: #cbd5e1; } .s-contract { fill: #15803d; } .s-savings { fill: #0f766e; }
        .s-star3 { fill: #14532d; } .s-star2 { fill: #16a34a; } .s-star1 { fill: #86efac; } .s-star0 { fill: #d1d5db; }
        .s-large { fill: #64748b; } .s-medium { fill: #0ea5e9; } .s-small { fill: #f59e0b; }
        .s-micro { fill: #dc2626; } .s-unknown { fill: #e5e7eb; }
        svg .s-star1-text, svg .s-star0-text, svg .s-unknown-text { fill: var(--ink); }
        .s-failed { fill: #b91c1c; }
        .s-v0 { fill: #94a3b8; } .s-v1 { fill: #15803d; } .s-v2 { fill: #0ea5e9; }
        .s-v3 { fill: #f59e0b; } .s-v4 { fill: #9333ea; } .s-v5 { fill: #dc2626; }
        svg .whisker { stroke: #475569; stroke-width: 1.2; }
        svg .box { fill: #bbf7d0; stroke: #15803d; stroke-width: 1; }
        svg .median { stroke: #14532d; stroke-width: 2.5; }
        svg .mean { fill: #b45309; stroke: #fff; stroke-width: 1; }
        svg .interval { stroke: #0f766e; stroke-width: 2; }
        svg .estimate { fill: #0f766e; stroke: #fff; stroke-width: 1; }
        svg .zero { stroke: var(--ink); stroke-width: 1.2; }
        svg .band { fill: #99f6e4; fill-opacity: .55; stroke: none; }
        svg .series { fill: none; stroke: #0f766e; stroke-width: 2; }
        svg .line-v0 { fill: none; stroke: #94a3b8; stroke-width: 2; } svg .line-v1 { fill: none; stroke: #15803d; stroke-width: 2; }
        svg .line-v2 { fill: none; stroke: #0ea5e9; stroke-width: 2; } svg .line-v3 { fill: none; stroke: #f59e0b; stroke-width: 2; }
        svg .line-v4 { fill: none; stroke: #9333ea; stroke-width: 2; } svg .line-v5 { fill: none; stroke: #dc2626; stroke-width: 2; }
        svg .dashed { stroke-dasharray: 6 3; }
        svg .heat-0 { fill: #f0fdf4; } svg .heat-1 { fill: #bbf7d0; } svg .heat-2 { fill: #86efac; }
        svg .heat-3 { fill: #22c55e; } svg .heat-4 { fill: #15803d; } svg .heat-5 { fill: #14532d; }
        svg .cell-label { font-size: 10px; fill: var(--ink); } svg .cell-label.dark { fill: #fff; }
        .table-wrap { overflow-x: auto; margin: 6px 0 10px; }
        table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
        table.data th, table.data td {
          padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top;
        }
        table.data th { background: var(--band); font-size: 12px; font-weight: 600; line-height: 1.3; vertical-align: bottom; }
        table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.data .nowrap { white-space: nowrap; }
        table.data tbody tr:nth-child(even) { background: #fafafa; }
        table.data tr.awarded td { background: var(--accent-soft); font-weight: 600; }
        table.data tr.rejected td { color: var(--muted); }
        table.data tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
        table.facts-table { width: auto; min-width: 60%; }
        table.facts-table th { padding-right: 24px; font-size: 13px; font-weight: 600; vertical-align: top; white-space: nowrap; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; white-space: nowrap; }
        .badge.awarded { background: var(--accent); color: #fff; }
        .badge.candidate { background: var(--info-soft); color: var(--info); }
        .badge.rejected, .badge.failed { background: var(--bad-soft); color: var(--bad); }
        .badge.valid, .badge.same-brand { background: #f3f4f6; color: var(--ink); }
        .badge.reserved { background: var(--warn-soft); color: var(--warn); }
        article.lot { margin: 22px 0 30px; }
        .lot-meta { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
        ul.reasons { margin: 6px 0; padding-left: 20px; font-size: 13px; }
        ul.reasons .ground, ul.reasons .code { color: var(--muted); }
        .callout { margin: 8px 0; padding: 6px 12px; border-left: 4px solid var(--accent); background: var(--accent-soft); }
        .callout.failed { border-color: var(--bad); background: var(--bad-soft); }
        .callout.warning { border-color: var(--warn); background: var(--warn-soft); }
        .muted { color: var(--muted); }
        footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
        footer p { margin: 2px 0; }
        @media (max-width: 860px) {
          main { padding: 18px 14px; }
          .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .charts { grid-template-columns: 1fr; }
        }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { background: #fff; font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          nav.toc { display: none; }
          h1 { font-size: 18pt; }
          h2 { margin-top: 18pt; font-size: 13pt; break-after: avoid; }
          h3, h4 { break-after: avoid; }
          .kpis { grid-template-columns: repeat(4, 1fr); gap: 6px; }
          .kpi .v { font-size: 13pt; }
          .charts { grid-template-columns: 1fr; gap: 8pt; }
          figure { break-inside: avoid; padding: 6px 8px; }
          .table-wrap { overflow: visible; }
          table.data { font-size: 7.5pt; }
          table.data th, table.data td { padding: 2px 4px; }
          table.data th { font-size: 7.5pt; }
          table.data .nowrap, .badge { white-space: normal; }
          .badge { padding: 0 3px; border-radius: 3px; }
          table.data td.bidder { min-width: 11em; }
          thead { display: table-header-group; }
          tr, .kpi, .callout { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
