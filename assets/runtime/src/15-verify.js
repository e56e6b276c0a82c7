/* Checking a fetched bundle before it plays: its exact bytes (integrity, SRI-style sha256/384/512)
   or its Ed25519 signature (publicKey; the signature is <bundleUrl>.sig). Rejects when it fails. */
function bytesOf(s) { return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }); }
function verifyBundle(buf, o, sig) {
  var C = crypto.subtle, m = /^sha(\d+)-(.+)$/.exec(o.integrity) || [], E = { name: "Ed25519" };
  if (!C) throw "no Web Crypto (https)";
  return (o.publicKey ? C.importKey("raw", bytesOf(o.publicKey), E, 0, ["verify"]).then(function (k) { return C.verify(E, k, bytesOf(sig.trim()), buf); })
    : C.digest("SHA-" + m[1], buf).then(function (d) { return btoa(String.fromCharCode.apply(0, new Uint8Array(d))) === m[2]; }))
    .then(function (ok) { if (!ok) throw 0; })
    .catch(function () { throw "bundle failed its " + (o.publicKey ? "signature" : "integrity") + " check"; });
}
