//! Assertions and JSON accessors shared by every surface: messages that must say something, subsets of
//! JSON objects, the elements, ids and lengths of JSON lists, and the path and file helpers they need.

use std::path::Path;

use serde_json::Value;

/// Asserts that `text` (an error message, usually) contains every one of `needles`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
    }
}

/// Asserts that every field of the object `expected` has that value in `actual` (other fields may differ).
#[track_caller]
pub fn subset(actual: &Value, expected: Value) {
    let fields = expected.as_object().expect("an object of expected fields");
    for (key, want) in fields {
        assert_eq!(&actual[key], want, "field `{key}` of {actual}");
    }
}

/// The elements of a JSON array (panics on anything else).
#[track_caller]
pub fn as_array(v: &Value) -> Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not a JSON array: {v}")).clone()
}

/// The length of a JSON array (panics on anything else).
#[track_caller]
pub fn len(v: &Value) -> usize {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}")).len()
}

/// The element of a JSON array whose `key` is `value`.
#[track_caller]
pub fn find<'a>(v: &'a Value, key: &str, value: &str) -> &'a Value {
    let list = v.as_array().unwrap_or_else(|| panic!("not an array: {v}"));
    let found = list.iter().find(|e| e[key] == value);
    found.unwrap_or_else(|| panic!("no {key} = {value} in {v}"))
}

/// The ids of the `items` of a license, a code or a verify report, in order.
#[track_caller]
pub fn item_ids(v: &Value) -> Vec<&str> {
    let items = v["items"].as_array();
    let items = items.unwrap_or_else(|| panic!("no items array in {v}"));
    items.iter().map(|i| i["id"].as_str().expect("item id")).collect()
}

/// The `uuid` fields of a JSON array of devices.
#[track_caller]
pub fn uuid_list(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|d| d["uuid"].as_str().expect("uuid").to_string())
        .collect()
}

/// Drops what differs between two stores and two runs: times, the instance id, the target.
pub fn normalize(v: &Value) -> Value {
    const DROP: [&str; 8] =
        ["target", "lts_id", "at", "first_seen", "last_seen", "since", "until", "location"];
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !DROP.contains(&k.as_str()) && !k.ends_with("_at"))
                .map(|(k, v)| (k.clone(), normalize(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(normalize).collect()),
        other => other.clone(),
    }
}

/// A path as a command-line argument (temp paths are UTF-8).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A file's bytes, or a panic naming it.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file's permission bits (`0o600`, ...).
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}
