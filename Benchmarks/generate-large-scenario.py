#!/usr/bin/env python3
"""Writes a large scenario for the loading benchmark (Benchmarks/README.md, "Loading"): Daqing's suppliers,
policy and variants with N pilot projects (default 10,000), copies of Daqing's nine projects under new ids,
split into included files of 1,000 projects each, demand lines in flow style (about 8.7 lines per project:
87,000 lines for 10,000 projects, about 12 MB in all, under the 16 MB limit on a scenario and its includes).

Usage: Benchmarks/generate-large-scenario.py OUTPUT_DIRECTORY [PROJECTS]
Then:  tender validate OUTPUT_DIRECTORY/large.yaml      (needs PyYAML to read Daqing's file)
"""
import json
import os
import re
import shutil
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DAQING = os.path.join(ROOT, "Scenarios", "daqing-2023.yaml")


def scalar(value):
    if isinstance(value, str):  # plain when it reads back as the same text, else double-quoted
        return value if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", value) else json.dumps(value, ensure_ascii=False)
    return str(value)  # numbers and dates as YAML reads them back


def flow(mapping):
    return "{" + ", ".join(f"{k}: {flow(v) if isinstance(v, dict) else scalar(v)}" for k, v in mapping.items()) + "}"


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    os.makedirs(out, exist_ok=True)
    shutil.copytree(os.path.join(ROOT, "Scenarios", "shared"), os.path.join(out, "shared"), dirs_exist_ok=True)
    text = open(DAQING, encoding="utf-8").read()
    templates = yaml.safe_load(text)["projects"]
    per_file = 1_000
    files = []
    lines = 0
    for start in range(0, count, per_file):
        name = f"projects-{start // per_file + 1:03}.yaml"
        files.append(name)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("projects:\n")
            for k in range(start, min(count, start + per_file)):
                project = templates[k % len(templates)]
                f.write(f"  - id: P{k + 1:05}\n")
                for key in ("name", "type", "district", "budget", "target-star"):
                    if key in project:
                        f.write(f"    {key}: {scalar(project[key])}\n")
                f.write("    demands:\n")
                for demand in project["demands"]:
                    f.write(f"      - {flow(demand)}\n")
                    lines += 1
    # Daqing's main file without its projects, including the generated files.
    main_text = re.sub(r"\nprojects:\n.*?\n(?=suppliers:)", "\n", text, flags=re.S)
    includes = "includes:\n  - shared/catalogue-2025.yaml\n" + "".join(f"  - {name}\n" for name in files)
    main_text = main_text.replace("includes:\n  - shared/catalogue-2025.yaml\n", includes)
    main_text = main_text.replace("name: 大庆市绿色建材批量集中采购 2023 年第一批", f"name: large scenario, {count} projects")
    with open(os.path.join(out, "large.yaml"), "w", encoding="utf-8") as f:
        f.write(main_text)
    size = sum(os.path.getsize(os.path.join(out, n)) for n in files + ["large.yaml"])
    print(f"{out}/large.yaml: {count} projects, {lines} demand lines, {len(files)} included files, "
          f"{size / 1_048_576:.1f} MB")


main()
