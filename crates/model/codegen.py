#!/usr/bin/env python3
"""Generate the wire types in src/generated/ from reference/*-models.json (repo root).

Why generated: the reference models are the source of truth (every field, type and enum of the
official SDK). Writing ~90 structs by hand drifts; generating them keeps names exact.

    python3 crates/model/codegen.py          # rewrite src/generated/*.rs
    python3 crates/model/codegen.py --check  # exit 1 if the committed files are stale

The models are vendored in the repository (`reference/`, see its README for where they came from),
so a clone needs nothing beside it. `--ref DIR` reads another copy (e.g. a refreshed extract).

Rules: every field is optional (the API omits what it doesn't know); enums are "open" (unknown
values are kept as `Other(String)`); datetimes serialize as ISO-8601 UTC with milliseconds, as
Genesys sends them; types the reference doesn't describe become `serde_json::Value`.
"""
import json, os, re, sys, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "reference"))
FILES = [("conversations", "conversations-api-models.json"), ("analytics", "analytics-api-models.json")]
OUT = os.path.join(HERE, "src", "generated")

RUST_KEYWORDS = {"type", "self", "ref", "match", "box", "override", "final", "abstract", "async", "await", "dyn", "move", "mod", "use", "where", "loop", "impl", "trait", "struct", "enum", "fn", "let", "in", "as", "break", "const", "continue", "crate", "else", "extern", "false", "for", "if", "mut", "priv", "pub", "return", "static", "super", "true", "unsafe", "virtual", "while", "yield", "macro", "try", "gen"}


def snake(name):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s).lower()
    s = re.sub(r"[^a-z0-9_]", "_", s)
    if s in RUST_KEYWORDS:
        s = s + "_"
    if s[0].isdigit():
        s = "_" + s
    return s


def pascal(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    out = "".join(p[:1].upper() + p[1:] for p in parts if p)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def variant(value):
    # "endpoint.donotdisturb" -> EndpointDonotdisturb, "CLIENT-CREDENTIALS" -> ClientCredentials
    parts = re.split(r"[^A-Za-z0-9]+", value)
    out = "".join((p[:1].upper() + (p[1:].lower() if p.isupper() else p[1:])) for p in parts if p)
    if not out or out[0].isdigit():
        out = "V" + out
    if out == "Other":
        out = "OtherValue"
    return out


def load():
    models = {}
    for mod, fname in FILES:
        with open(os.path.join(REF, fname)) as f:
            data = json.load(f)
        for name, fields in data.items():
            models[name] = (mod, fields)
    return models


def enum_field(fields, fname):
    """`initialState` shares the `state` enum when the values are identical (same concept)."""
    if fname == "initialState" and fields.get("state", {}).get("enum") == fields[fname]["enum"]:
        return "state"
    return fname


def enum_names(models):
    """Pick one Rust name per distinct (field, values) enum; share identical ones."""
    keys = {}
    for mname, (mod, fields) in models.items():
        for fname, spec in fields.items():
            if "enum" in spec:
                key = (enum_field(fields, fname), tuple(spec["enum"]))
                keys.setdefault(key, []).append((mname, mod))
    by_field = {}
    for key in keys:
        by_field.setdefault(key[0], []).append(key)
    names = {}
    for field, ks in by_field.items():
        for key in ks:
            users = keys[key]
            if len(ks) == 1:
                name = pascal(field)
            else:
                name = users[0][0] + pascal(field)
            names[key] = (name, users[0][1])
    # avoid clashing with model names
    taken = set(models)
    for key, (name, mod) in list(names.items()):
        if name in taken:
            names[key] = (name + "Value", mod)
        taken.add(names[key][0])
    return names


def rust_type(t, models):
    if t == "str":
        return "String"
    if t == "int":
        return "i64"
    if t == "float":
        return "f64"
    if t == "bool":
        return "bool"
    if t == "datetime":
        return "DateTime<Utc>"
    m = re.fullmatch(r"list\[(.+)\]", t)
    if m:
        return f"Vec<{rust_type(m.group(1), models)}>"
    m = re.fullmatch(r"dict\(str, (.+)\)", t)
    if m:
        return f"BTreeMap<String, {rust_type(m.group(1), models)}>"
    if t in models:
        return t
    return "serde_json::Value"


def rs(s):
    """A Rust string literal for s."""
    out = []
    for ch in s:
        if ch in '\\"':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ord(ch) < 0x20:
            out.append('\\u{%x}' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def doc_lines(doc, indent):
    if not doc:
        return []
    doc = doc.replace("\r", " ").strip()
    wrapped = textwrap.wrap(doc, 92) or [doc]
    return [f"{indent}/// {w}" for w in wrapped]


def generate():
    models = load()
    enames = enum_names(models)
    outputs = {mod: [] for mod, _ in FILES}
    emitted_enums = set()
    docs_rows = []
    for mname in sorted(models):
        mod, fields = models[mname]
        out = outputs[mod]
        body = []
        for fname in fields:
            spec = fields[fname]
            docs_rows.append((mname, fname, spec["type"], spec.get("enum", []), spec.get("doc", "")))
            if "enum" in spec:
                ename, emod = enames[(enum_field(fields, fname), tuple(spec["enum"]))]
                if ename not in emitted_enums:
                    emitted_enums.add(ename)
                    vals = ", ".join(f"{variant(v)} => {rs(v)}" for v in spec["enum"])
                    outputs[emod].append(f"open_enum! {{\n    /// Values of `{mname}.{fname}` (open: unknown values are kept).\n    {ename} {{ {vals} }}\n}}\n")
                inner = ename if spec["type"] == "str" else rust_type(spec["type"], models).replace("String", ename)
                ty = inner
                if emod != mod:
                    ty = f"super::{emod}::{inner}"
            else:
                ty = rust_type(spec["type"], models)
                if ty in models and models[ty][0] != mod:
                    ty = f"super::{models[ty][0]}::{ty}"
                else:
                    # qualify nested model references from the other module
                    for other, (omod, _) in models.items():
                        if omod != mod and re.search(rf"\b{other}\b", ty) and ty != other:
                            ty = re.sub(rf"\b{other}\b", f"super::{omod}::{other}", ty)
            attrs = [f'rename = "{fname}"', "default", 'skip_serializing_if = "Option::is_none"']
            if spec["type"] == "datetime":
                attrs.append('with = "crate::time::opt_millis"')
            body.extend(doc_lines(spec.get("doc"), "    "))
            body.append(f"    #[serde({', '.join(attrs)})]")
            body.append(f"    pub {snake(fname)}: Option<{ty}>,")
        out.append(f"/// `{mname}` as the official SDK models it.\n#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]\npub struct {mname} {{\n" + "\n".join(body) + "\n}\n")
    files = {}
    header = ("// @generated by crates/model/codegen.py from reference/*-models.json. Do not edit by hand.\n"
              "#![allow(clippy::doc_markdown, clippy::struct_field_names, clippy::too_long_first_doc_paragraph)]\n"
              "#[allow(unused_imports)]\nuse chrono::{DateTime, Utc};\n#[allow(unused_imports)]\nuse serde::{Deserialize, Serialize};\n#[allow(unused_imports)]\nuse std::collections::BTreeMap;\n\n")
    for mod, _ in FILES:
        files[f"{mod}.rs"] = header + "\n".join(outputs[mod])
    # Field documentation table for the UI (type + official description per field).
    rows = []
    for (m, f, t, en, d) in docs_rows:
        rows.append(f"    FieldDoc {{ model: {rs(m)}, field: {rs(f)}, ty: {rs(t)}, values: &[{', '.join(rs(v) for v in en)}], doc: {rs(d)} }},")
    files["docs.rs"] = ("// @generated by crates/model/codegen.py from reference/*-models.json. Do not edit by hand.\n"
                        "use crate::field_doc::FieldDoc;\n\n/// Every field of every reference model, in model order.\npub static FIELD_DOCS: &[FieldDoc] = &[\n" + "\n".join(rows) + "\n];\n")
    files["mod.rs"] = ("// @generated by crates/model/codegen.py. Do not edit by hand.\npub mod analytics;\npub mod conversations;\npub mod docs;\n")
    return files


def rustfmt(text):
    """Format like `cargo fmt` does, so `cargo fmt --all` never makes the files stale."""
    import subprocess
    out = subprocess.run(["rustfmt", "--edition", "2024", "--emit", "stdout", "--quiet"],
                         input=text, capture_output=True, text=True, check=True)
    return out.stdout


def main():
    global REF
    if "--ref" in sys.argv:
        i = sys.argv.index("--ref")
        if i + 1 >= len(sys.argv):
            sys.exit("--ref needs a directory (one holding conversations-api-models.json and analytics-api-models.json)")
        REF = os.path.abspath(sys.argv[i + 1])
    files = {name: rustfmt(text) for name, text in generate().items()}
    check = "--check" in sys.argv
    stale = []
    for name, text in files.items():
        path = os.path.join(OUT, name)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            stale.append(name)
            if not check:
                with open(path, "w") as f:
                    f.write(text)
    if check and stale:
        print("generated model files are stale: " + ", ".join(stale) + " (run python3 crates/model/codegen.py)")
        sys.exit(1)
    print(("checked " if check else "wrote ") + ", ".join(sorted(files)))


if __name__ == "__main__":
    main()
