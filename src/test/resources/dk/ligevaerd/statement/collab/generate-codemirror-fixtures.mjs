// Writes codemirror-fixtures.json: map, compose, mapPos and collab rebasing computed by CodeMirror
// itself, which CodeMirrorCompatibilityTest compares with the Java implementation.
// Run from a folder where @codemirror/state 6.7.6 and @codemirror/collab 6.1.1 are installed:
//   node generate-codemirror-fixtures.mjs > codemirror-fixtures.json
import {ChangeSet, EditorState} from "@codemirror/state"
import {collab, receiveUpdates, sendableUpdates, getSyncedVersion} from "@codemirror/collab"

let seed = 20261101
function random() { // mulberry32, so the fixtures are the same on every run
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}
const int = n => Math.floor(random() * n)
const pieces = ["x", "yz", "\n", "æø", "Å\nb", "q", "😀", ""]
const text = () => pieces[int(pieces.length)]
const doc = () => { let d = ""; for (let n = int(9); n > 0; n--) d += "abcdefgh\n"[int(9)]; return d }

// Up to three ranges in order, sometimes touching, sometimes empty (pure insertions).
function change(length) {
  let specs = [], pos = 0
  for (let n = 1 + int(3); n > 0 && pos <= length; n--) {
    let from = pos + int(Math.min(3, length - pos + 1))
    let to = from + int(Math.min(3, length - from + 1))
    specs.push({from, to, insert: text()})
    pos = to + int(2)
  }
  return ChangeSet.of(specs, length)
}

const maps = [], composes = [], rebases = []
for (let k = 0; k < 400; k++) {
  let d = doc(), a = change(d.length), b = change(d.length)
  let positions = []
  for (let p = 0; p <= d.length; p++) positions.push([p, a.mapPos(p, -1), a.mapPos(p, 1)])
  maps.push({doc: d, a: a.toJSON(), b: b.toJSON(),
             aOverB: a.map(b).toJSON(), aOverBBefore: a.map(b, true).toJSON(),
             positions, result: a.compose(b.map(a)).apply(EditorState.create({doc: d}).doc).toString()})
}
for (let k = 0; k < 200; k++) {
  let d = doc(), a = change(d.length), b = change(a.newLength)
  composes.push({doc: d, a: a.toJSON(), b: b.toJSON(), composed: a.compose(b).toJSON(),
                 result: a.compose(b).apply(EditorState.create({doc: d}).doc).toString()})
}
for (let k = 0; k < 150; k++) {
  // A client with unconfirmed local edits receives updates from the authority: first perhaps
  // some of its own (confirmed), then others'.
  let d = doc(), state = EditorState.create({doc: d, extensions: [collab({clientID: "me"})]})
  let local = []
  for (let n = int(3); n > 0; n--) {
    let c = change(state.doc.length)
    local.push(c.toJSON())
    state = state.update({changes: c}).state
  }
  let confirmed = int(local.length + 1), incoming = [], serverDoc = EditorState.create({doc: d}).doc
  let own = sendableUpdates(state).slice(0, confirmed)
  for (let u of own) { incoming.push({clientID: "me", changes: u.changes.toJSON()}); serverDoc = u.changes.apply(serverDoc) }
  for (let n = int(3); n > 0; n--) {
    let c = change(serverDoc.length)
    incoming.push({clientID: "other" + n, changes: c.toJSON()})
    serverDoc = c.apply(serverDoc)
  }
  let after = state.update(receiveUpdates(state, incoming.map(u => ({clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes)})))).state
  rebases.push({doc: d, local, incoming, doc2: after.doc.toString(), version: getSyncedVersion(after),
                unconfirmed: sendableUpdates(after).map(u => u.changes.toJSON())})
}
console.log(JSON.stringify({maps, composes, rebases}))
