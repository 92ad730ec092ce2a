//! Keeps the module layout honest (issue 17): no import cycle between sibling modules in any
//! crate of the repository, and no `spawn_local` in the app's views (`src/tabs/`,
//! `src/components/`; async loops live in `src/drivers/` and `src/api/`).
//!
//! A native test (run by `cargo xtask test`'s `test` stage, `cargo test --workspace`) walks every
//! crate's `src/`, reads each file's `crate::…`, `super::…` and `self::…` paths (comments and
//! string literals stripped, `use` groups expanded) and turns each into an edge between the two
//! sibling modules it connects: `tabs::query_lab::job` naming `crate::api::http` is the edge
//! `tabs → api` under the crate root. A child naming its parent's items (or a parent its
//! children) is not an edge: that is how Rust modules nest; nor is a path inside a
//! `#[cfg(test)] mod` (a test may use its module's users). A cycle among siblings fails the
//! test with the paths that form it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path below its crate root (`["tabs", "query_lab"]`); empty for the root.
type ModPath = Vec<String>;

/// One path found in a file: where, and the absolute segments it names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    from: ModPath,
    to: ModPath,
    line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// Identifiers and the punctuation paths are made of, with line numbers; comments, strings and
/// char literals dropped.
fn tokenize(src: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            }
            '"' => i = skip_string(&chars, i + 1, 0, &mut line),
            'r' | 'b' if raw_string_start(&chars, i).is_some() => {
                let (hashes, body) = raw_string_start(&chars, i).unwrap_or((0, i + 1));
                i = skip_string(&chars, body, hashes, &mut line);
            }
            '\'' => {
                // A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
                if next == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            ':' if next == Some(':') => {
                out.push((Token::PathSep, line));
                i += 2;
            }
            '{' => {
                out.push((Token::Open, line));
                i += 1;
            }
            '}' => {
                out.push((Token::Close, line));
                i += 1;
            }
            ',' => {
                out.push((Token::Comma, line));
                i += 1;
            }
            '*' => {
                out.push((Token::Star, line));
                i += 1;
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                // `b'x'` / `b"x"` prefixes were handled above; a raw identifier keeps its name.
                out.push((Token::Ident(word.trim_start_matches("r#").to_owned()), line));
            }
            c if c.is_whitespace() => i += 1,
            _ => {
                out.push((Token::Other, line));
                i += 1;
            }
        }
    }
    out
}

/// `r"`, `r#"`, `br"`, `b"`: the number of `#` and where the body starts.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    // Only at the start of a token: `for"` is not a raw string.
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if chars[j] == 'b' {
        j += 1;
        if chars.get(j) == Some(&'"') {
            return Some((0, j + 1));
        }
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (chars.get(j) == Some(&'"')).then_some((hashes, j + 1))
}

/// Past the closing quote (followed by `hashes` `#`) of a string whose body starts at `i`.
fn skip_string(chars: &[char], mut i: usize, hashes: usize, line: &mut usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' if hashes == 0 => i += 2,
            '"' if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => return i + 1 + hashes,
            '\n' => {
                *line += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    i
}

/// Every `crate::`/`super::`/`self::` path in `src`, read from a file that is module `module`.
fn references(src: &str, module: &ModPath) -> (Vec<Reference>, Vec<ModPath>) {
    let tokens = tokenize(src);
    let mut refs = Vec::new();
    let mut inline_mods = Vec::new();
    // (module path, brace depth at which it closes, inside test-only code)
    let mut scopes: Vec<(ModPath, usize, bool)> = vec![(module.clone(), 0, false)];
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let current = scopes.last().map(|s| s.0.clone()).unwrap_or_default();
        match &tokens[i].0 {
            Token::Open => depth += 1,
            Token::Close => {
                if scopes.len() > 1 && scopes.last().is_some_and(|s| s.1 == depth) {
                    scopes.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Token::Ident(w) if w == "mod" => {
                if let (Some((Token::Ident(name), _)), Some((Token::Open, _))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    let mut inner = current.clone();
                    inner.push(name.clone());
                    inline_mods.push(inner.clone());
                    // `#[cfg(test)] mod … {`: a test may build what its module's users build.
                    let before = &tokens[i.saturating_sub(8)..i];
                    let is_test = before.windows(3).any(|w| {
                        w[0].0 == Token::Ident("cfg".into())
                            && w[2].0 == Token::Ident("test".into())
                    });
                    let in_test = scopes.last().is_some_and(|s| s.2);
                    scopes.push((inner, depth + 1, is_test || in_test));
                }
            }
            Token::Ident(w)
                if matches!(w.as_str(), "crate" | "super" | "self")
                    && tokens.get(i + 1).map(|t| &t.0) == Some(&Token::PathSep)
                    && (i == 0 || tokens[i - 1].0 != Token::PathSep) =>
            {
                let line = tokens[i].1;
                let (leaves, end) = path_tree(&tokens, i, Vec::new());
                let in_test = scopes.last().is_some_and(|s| s.2);
                for leaf in leaves.into_iter().filter(|_| !in_test) {
                    if let Some(to) = resolve(&current, &leaf) {
                        refs.push(Reference {
                            from: current.clone(),
                            to,
                            line,
                        });
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (refs, inline_mods)
}

/// Parse a path (with `{…}` groups) starting at token `i`; every leaf path and the index after it.
fn path_tree(
    tokens: &[(Token, usize)],
    mut i: usize,
    prefix: Vec<String>,
) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix;
    loop {
        match tokens.get(i).map(|t| &t.0) {
            Some(Token::Ident(w)) => {
                path.push(w.clone());
                i += 1;
                if tokens.get(i).map(|t| &t.0) == Some(&Token::PathSep) {
                    i += 1;
                    continue;
                }
                return (vec![path], i);
            }
            Some(Token::Star) => return (vec![path], i + 1),
            Some(Token::Open) => {
                i += 1;
                let mut leaves = Vec::new();
                loop {
                    match tokens.get(i).map(|t| &t.0) {
                        Some(Token::Close) => return (leaves, i + 1),
                        Some(Token::Comma) => i += 1,
                        None => return (leaves, i),
                        Some(_) => {
                            let (mut sub, end) = path_tree(tokens, i, path.clone());
                            leaves.append(&mut sub);
                            // Skip `as name` and anything else up to the next item.
                            i = end;
                            while let Some(t) = tokens.get(i).map(|t| &t.0) {
                                if matches!(t, Token::Comma | Token::Close) {
                                    break;
                                }
                                i += 1;
                            }
                        }
                    }
                }
            }
            _ => return (vec![path], i),
        }
    }
}

/// The absolute segments of `leaf` (`crate::a::b`, `super::x`, `self::y`) seen from `current`.
fn resolve(current: &ModPath, leaf: &[String]) -> Option<ModPath> {
    let mut segs = leaf.iter().peekable();
    let mut base: ModPath = match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
            Vec::new()
        }
        Some("self" | "super") => current.clone(),
        _ => return None,
    };
    while let Some(s) = segs.peek() {
        match s.as_str() {
            "self" => {
                segs.next();
            }
            "super" => {
                base.pop()?;
                segs.next();
            }
            _ => break,
        }
    }
    base.extend(segs.cloned());
    Some(base)
}

/// The module a `.rs` file is, below its crate's `src/` (`None` for a second crate root).
fn module_of(rel: &Path) -> Option<ModPath> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let file = parts.pop()?;
    if parts.first().is_some_and(|p| p == "bin") {
        return None;
    }
    match file.as_str() {
        "lib.rs" if parts.is_empty() => {}
        "main.rs" if parts.is_empty() => return None,
        "mod.rs" => {}
        f => parts.push(f.strip_suffix(".rs")?.to_owned()),
    }
    Some(parts)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// A sibling edge with the file and line that make it.
#[derive(Debug, Clone)]
struct Edge {
    parent: ModPath,
    from: String,
    to: String,
    at: String,
}

/// The sibling edges of one crate (`src` is its source folder). A crate with only `main.rs`
/// is read from it.
fn crate_edges(src: &Path) -> Vec<Edge> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let has_lib = src.join("lib.rs").exists();
    let mut modules: BTreeSet<ModPath> = BTreeSet::new();
    let mut all_refs = Vec::new();
    for f in &files {
        let Ok(rel) = f.strip_prefix(src) else {
            continue;
        };
        let module = match module_of(rel) {
            Some(m) => m,
            None if !has_lib && rel == Path::new("main.rs") => Vec::new(),
            None => continue,
        };
        let Ok(text) = fs::read_to_string(f) else {
            continue;
        };
        let (refs, inline) = references(&text, &module);
        modules.insert(module);
        modules.extend(inline);
        all_refs.extend(refs.into_iter().map(|r| (r, rel.display().to_string())));
    }
    let mut edges = Vec::new();
    for (r, file) in all_refs {
        // The module the path names: its longest prefix that is a module (the rest are items).
        let to: ModPath = (0..=r.to.len())
            .rev()
            .map(|n| r.to[..n].to_vec())
            .find(|p| modules.contains(p))
            .unwrap_or_default();
        let common = r.from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == r.from.len() || common == to.len() {
            continue; // same module, an ancestor's item or a descendant: nesting, not a cycle
        }
        edges.push(Edge {
            parent: r.from[..common].to_vec(),
            from: r.from[common].clone(),
            to: to[common].clone(),
            at: format!("{file}:{}", r.line),
        });
    }
    edges
}

/// Every cycle among siblings, one line each: `parent: a → b → a (a→b at x.rs:3; b→a at …)`.
fn cycles(edges: &[Edge]) -> Vec<String> {
    let mut graphs: BTreeMap<&ModPath, BTreeMap<&str, BTreeMap<&str, &str>>> = BTreeMap::new();
    for e in edges {
        graphs
            .entry(&e.parent)
            .or_default()
            .entry(&e.from)
            .or_default()
            .entry(&e.to)
            .or_insert(&e.at);
    }
    let mut found = Vec::new();
    for (parent, graph) in graphs {
        let mut reported: BTreeSet<Vec<&str>> = BTreeSet::new();
        for &start in graph.keys() {
            if let Some(cycle) = shortest_cycle(&graph, start) {
                let mut key = cycle.clone();
                key.sort_unstable();
                if !reported.insert(key) {
                    continue;
                }
                let mut steps = Vec::new();
                for w in cycle.windows(2) {
                    steps.push(format!("{}→{} at {}", w[0], w[1], graph[w[0]][w[1]]));
                }
                let last = cycle[cycle.len() - 1];
                steps.push(format!("{last}→{start} at {}", graph[last][start]));
                let name = if parent.is_empty() {
                    "crate".to_owned()
                } else {
                    parent.join("::")
                };
                found.push(format!(
                    "{name}: {} → {start} ({})",
                    cycle.join(" → "),
                    steps.join("; ")
                ));
            }
        }
    }
    found
}

/// The shortest path from `start` back to itself (breadth first), without the closing node.
fn shortest_cycle<'a>(
    graph: &BTreeMap<&'a str, BTreeMap<&'a str, &'a str>>,
    start: &'a str,
) -> Option<Vec<&'a str>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in graph.get(node).map(BTreeMap::keys).into_iter().flatten() {
            if next == start {
                let mut path = vec![node];
                while let Some(&prev) = came_from.get(path[path.len() - 1]) {
                    path.push(prev);
                }
                path.reverse();
                return Some(path);
            }
            if next != start && !came_from.contains_key(next) {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

/// `spawn_local` named in a file under one of `folders` (below `src`): `file:line` each.
fn spawn_local_in(src: &Path, folders: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for folder in folders {
        let mut files = Vec::new();
        rust_files(&src.join(folder), &mut files);
        for f in files {
            let Ok(text) = fs::read_to_string(&f) else {
                continue;
            };
            for (t, line) in tokenize(&text) {
                if t == Token::Ident("spawn_local".into()) {
                    hits.push(format!("{}:{line}", f.display()));
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Every crate's source folder: the app at the root, `crates/*`, xtask.
    fn crate_sources() -> Vec<PathBuf> {
        let root = repo();
        let mut out = vec![root.join("src"), root.join("xtask/src")];
        if let Ok(entries) = fs::read_dir(root.join("crates")) {
            let mut crates: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path().join("src"))
                .collect();
            crates.sort();
            out.extend(crates.into_iter().filter(|p| p.is_dir()));
        }
        out
    }

    #[test]
    fn no_module_of_any_crate_imports_in_a_cycle() {
        let sources = crate_sources();
        assert!(sources.len() >= 5, "found the crates: {sources:?}");
        let mut problems = Vec::new();
        for src in &sources {
            for c in cycles(&crate_edges(src)) {
                problems.push(format!("{}: {c}", src.display()));
            }
        }
        assert!(
            problems.is_empty(),
            "import cycles between sibling modules:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn views_start_no_async_tasks() {
        let hits = spawn_local_in(&repo().join("src"), &["tabs", "components"]);
        assert!(
            hits.is_empty(),
            "spawn_local in a view (drive async work from src/drivers/ or use a resource/action):\n{}",
            hits.join("\n")
        );
    }

    fn edges_of(files: &[(&str, &str)]) -> Vec<String> {
        let dir = std::env::temp_dir().join(format!(
            "xtask-module-graph-{}-{}",
            std::process::id(),
            files.len() + files.iter().map(|f| f.1.len()).sum::<usize>()
        ));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            let dir = p.parent().expect("a fixture file has a folder");
            fs::create_dir_all(dir).expect("create the fixture folder");
            fs::write(&p, text).expect("write the fixture file");
        }
        let found = cycles(&crate_edges(&dir));
        let _ = fs::remove_dir_all(&dir);
        found
    }

    #[test]
    fn a_cycle_between_siblings_is_reported_with_where_it_comes_from() {
        let found = edges_of(&[
            ("lib.rs", "mod a; mod b;"),
            ("a.rs", "use crate::b::Thing;"),
            (
                "b.rs",
                "// crate::a::Nope in a comment does not count\nfn f() { let _ = \"crate::a::no\"; super::a::go(); }",
            ),
        ]);
        assert_eq!(
            found,
            vec!["crate: a → b → a (a→b at a.rs:1; b→a at b.rs:2)"]
        );
    }

    #[test]
    fn groups_and_deeper_cycles_are_found() {
        let found = edges_of(&[
            ("lib.rs", "mod t;"),
            ("t/mod.rs", "mod x; mod y; mod z;"),
            ("t/x.rs", "use crate::{t::{y::A, self}};"),
            ("t/y.rs", "use super::z;"),
            ("t/z.rs", "use super::super::t::x::B as C;"),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("t: x → y → z → x"), "{found:?}");
    }

    #[test]
    fn parents_and_children_and_test_modules_are_not_cycles() {
        let found = edges_of(&[
            ("lib.rs", "mod p; mod q; pub struct Root;"),
            ("p/mod.rs", "mod c; pub struct Ctx; fn f() { c::go(); }"),
            (
                "p/c.rs",
                "use super::Ctx; use crate::Root; use crate::q::Q;",
            ),
            (
                "q.rs",
                "pub struct Q; #[cfg(test)] mod tests { use super::Q; use crate::p::Ctx; fn f<'a>(_: &'a str) -> char { 'x' } }",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn raw_strings_and_chars_are_skipped() {
        let toks =
            tokenize("let a = r#\"crate::x \"# ; let b = '\\''; let c = b\"crate::y\"; crate::z");
        let idents: Vec<_> = toks
            .into_iter()
            .filter_map(|(t, _)| match t {
                Token::Ident(w) => Some(w),
                _ => None,
            })
            .collect();
        assert_eq!(idents, ["let", "a", "let", "b", "let", "c", "crate", "z"]);
    }
}
