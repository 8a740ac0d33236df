// Verifies an eddsa-rdfc-2022 Data Integrity proof on a credential with code that shares nothing with Sapere's
// Java signing path: JSON-LD to RDF with digitalbazaar's `jsonld`, RDFC-1.0 with `rdf-canonize`, Ed25519 with
// Node's own `crypto`, and base58btc/multikey decoding written here. A second, third-party check runs
// digitalbazaar's `@digitalbazaar/vc` stack. Every document (contexts, DID documents) comes from local files;
// nothing is fetched from the network.
//
// Usage:
//   node verify.mjs <credential.json | -> [--document <url>=<file>]... [--contexts <dir>]
//        [--canonical-out <file>] [--canonical-proof-out <file>] [--skip-issuer-check] [--no-third-party]
//        [--now <ISO date-time>]
//
// Prints one JSON line {"ownVerifier":{...},"thirdParty":{...}} and exits 0 when everything that ran verified,
// 1 when something did not, 2 on a usage error.

import {createHash, createPublicKey, verify as cryptoVerify} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import canonize from 'rdf-canonize';

const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';
const OPEN_BADGES_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const DEFAULT_CONTEXTS = resolve(SCRIPT_DIR, '../../../main/resources/credential/contexts');

function usage(message) {
  process.stderr.write(`${message}\n` +
    'usage: node verify.mjs <credential.json | -> [--document <url>=<file>]... [--contexts <dir>] ' +
    '[--canonical-out <file>] [--canonical-proof-out <file>] [--skip-issuer-check] [--no-third-party] ' +
    '[--now <date-time>]\n');
  process.exit(2);
}

function parseArguments(argv) {
  const options = {
    credential: null, documents: new Map(), contexts: DEFAULT_CONTEXTS, canonicalOut: null,
    canonicalProofOut: null, issuerCheck: true, thirdParty: true, now: null
  };
  for(let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = () => {
      if(i + 1 >= argv.length) {
        usage(`${argument} needs a value`);
      }
      return argv[++i];
    };
    if(argument === '--document') {
      const pair = value();
      const at = pair.lastIndexOf('=');
      if(at <= 0) {
        usage(`--document wants <url>=<file>, not ${pair}`);
      }
      options.documents.set(pair.slice(0, at), pair.slice(at + 1));
    } else if(argument === '--contexts') {
      options.contexts = value();
    } else if(argument === '--canonical-out') {
      options.canonicalOut = value();
    } else if(argument === '--canonical-proof-out') {
      options.canonicalProofOut = value();
    } else if(argument === '--skip-issuer-check') {
      options.issuerCheck = false;
    } else if(argument === '--no-third-party') {
      options.thirdParty = false;
    } else if(argument === '--now') {
      options.now = value();
    } else if(argument.startsWith('--')) {
      usage(`unknown option ${argument}`);
    } else if(options.credential === null) {
      options.credential = argument;
    } else {
      usage(`only one credential, please (got ${argument})`);
    }
  }
  if(options.credential === null) {
    usage('no credential given');
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Local documents only

/** A map from URL to parsed JSON: the two published contexts, then whatever --document supplied. */
function localDocuments(options) {
  const documents = new Map();
  documents.set(CREDENTIALS_V2, JSON.parse(readFileSync(resolve(options.contexts, 'credentials-v2.jsonld'), 'utf8')));
  documents.set(OPEN_BADGES_V3, JSON.parse(readFileSync(resolve(options.contexts, 'context-3.0.3.json'), 'utf8')));
  for(const [url, file] of options.documents) {
    documents.set(url, JSON.parse(readFileSync(file, 'utf8')));
  }
  return documents;
}

/**
 * A JSON-LD document loader that answers from `documents` only. A URL with a fragment whose base is a controller
 * (DID) document is answered with that document's verification method of the same id, as a DID resolver would
 * dereference it. Anything else fails: there is no network access.
 */
function offlineLoader(documents) {
  return async url => {
    if(documents.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
    }
    const hash = url.indexOf('#');
    if(hash > 0 && documents.has(url.slice(0, hash))) {
      const controller = documents.get(url.slice(0, hash));
      const method = findVerificationMethod(controller, url);
      if(method) {
        const document = {'@context': controller['@context'], ...structuredClone(method)};
        return {contextUrl: null, documentUrl: url, document};
      }
    }
    throw new Error(`Refusing to load ${url}: not a local document (no network access)`);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Decodes base58btc (Bitcoin alphabet); throws on any other character. */
function base58btcDecode(text) {
  let number = 0n;
  for(const character of text) {
    const digit = BASE58_ALPHABET.indexOf(character);
    if(digit < 0) {
      throw new Error(`"${character}" is not a base58btc digit`);
    }
    number = number * 58n + BigInt(digit);
  }
  const bytes = [];
  while(number > 0n) {
    bytes.push(Number(number & 0xffn));
    number >>= 8n;
  }
  for(const character of text) {
    if(character !== '1') {
      break;
    }
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Decodes a multibase string; only base58btc ("z") is used by eddsa-rdfc-2022 and Multikey. */
function multibaseDecode(text) {
  if(typeof text !== 'string' || !text.startsWith('z')) {
    throw new Error('not a base58btc multibase value');
  }
  return base58btcDecode(text.slice(1));
}

/** The raw 32-byte Ed25519 public key of a Multikey `publicKeyMultibase` (multicodec 0xed 0x01, then the key). */
function ed25519PublicKey(publicKeyMultibase) {
  const bytes = multibaseDecode(publicKeyMultibase);
  if(bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new Error('publicKeyMultibase is not an Ed25519 public key');
  }
  return createPublicKey({
    key: {kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.slice(2)).toString('base64url')},
    format: 'jwk'
  });
}

function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest();
}

// ---------------------------------------------------------------------------------------------------------------
// Controller documents

function asArray(value) {
  if(value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** An id as written in a controller document, made absolute against the document's own id. */
function absoluteId(controller, id) {
  return typeof id === 'string' && id.startsWith('#') ? controller.id + id : id;
}

function findVerificationMethod(controller, id) {
  return asArray(controller.verificationMethod)
    .find(method => method && typeof method === 'object' && absoluteId(controller, method.id) === id);
}

function lists(controller, relationship, id) {
  return asArray(controller[relationship]).some(entry =>
    absoluteId(controller, typeof entry === 'object' && entry !== null ? entry.id : entry) === id);
}

// ---------------------------------------------------------------------------------------------------------------
// Our own verifier (eddsa-rdfc-2022, W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2)

const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** RDFC-1.0 canonical N-Quads of a JSON-LD document (safe mode: a term that would be dropped is an error). */
async function canonicalNQuads(document, documentLoader) {
  const dataset = await jsonld.toRDF(document, {documentLoader, safe: true, base: null});
  return canonize.canonize(dataset, {algorithm: 'RDFC-1.0'});
}

class Failure extends Error {
  constructor(reason, detail) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
    this.detail = detail;
  }
}

async function ownVerify(secured, {documents, documentLoader, issuerCheck, canonicalOut, canonicalProofOut}) {
  if(secured === null || typeof secured !== 'object' || Array.isArray(secured)) {
    throw new Failure('not-a-json-object');
  }
  // A proof set of one (the Open Badges 3.0 JSON schema wants `proof` as an array) is the same single proof.
  const proof = Array.isArray(secured.proof) && secured.proof.length === 1 ? secured.proof[0] : secured.proof;
  if(proof === undefined) {
    throw new Failure('no-proof');
  }
  if(proof === null || typeof proof !== 'object' || Array.isArray(proof)) {
    throw new Failure('unsupported-proof', 'exactly one proof object is supported');
  }
  if(proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
    throw new Failure('unsupported-proof', `${proof.type} / ${proof.cryptosuite}`);
  }
  if(typeof proof.proofValue !== 'string' || typeof proof.verificationMethod !== 'string' ||
    typeof proof.proofPurpose !== 'string') {
    throw new Failure('malformed-proof', 'proofValue, verificationMethod and proofPurpose must be strings');
  }
  if(proof.created !== undefined && !(typeof proof.created === 'string' && DATE_TIME_STAMP.test(proof.created))) {
    throw new Failure('malformed-proof', 'created is not an XML Schema dateTimeStamp');
  }
  if(proof.proofPurpose !== 'assertionMethod') {
    throw new Failure('wrong-proof-purpose', proof.proofPurpose);
  }

  // §3.2.2 steps 1-4: the unsecured document, the proof options, the signature bytes.
  const unsecured = {...secured};
  delete unsecured.proof;
  const options = {...proof};
  delete options.proofValue;
  let signature;
  try {
    signature = multibaseDecode(proof.proofValue);
  } catch(error) {
    throw new Failure('malformed-proof', error.message);
  }
  if(signature.length !== 64) {
    throw new Failure('malformed-proof', `the signature has ${signature.length} bytes, not 64`);
  }
  if(options['@context'] !== undefined) {
    const wanted = asArray(options['@context']);
    const have = asArray(unsecured['@context']);
    if(!wanted.every((context, i) => JSON.stringify(context) === JSON.stringify(have[i]))) {
      throw new Failure('context-mismatch', 'the document @context does not start with the proof @context');
    }
    unsecured['@context'] = options['@context'];
  }

  // §3.2.3 transformation, §3.2.5 proof configuration, §3.2.4 hashing.
  let canonicalDocument;
  let canonicalProof;
  try {
    canonicalDocument = await canonicalNQuads(unsecured, documentLoader);
    canonicalProof = await canonicalNQuads({...options, '@context': unsecured['@context']}, documentLoader);
  } catch(error) {
    throw new Failure('not-json-ld', error.message);
  }
  if(canonicalOut) {
    writeFileSync(canonicalOut, canonicalDocument);
  }
  if(canonicalProofOut) {
    writeFileSync(canonicalProofOut, canonicalProof);
  }
  const hashData = Buffer.concat([sha256(canonicalProof), sha256(canonicalDocument)]);

  // The verification method, from the supplied controller (DID) document only.
  const methodId = proof.verificationMethod;
  const controllerId = methodId.includes('#') ? methodId.slice(0, methodId.indexOf('#')) : methodId;
  const controller = documents.get(controllerId);
  if(!controller) {
    throw new Failure('unknown-verification-method', `no controller document for ${controllerId}`);
  }
  if(controller.id !== controllerId) {
    throw new Failure('unknown-verification-method', `the document for ${controllerId} says id ${controller.id}`);
  }
  const method = findVerificationMethod(controller, methodId);
  if(!method) {
    throw new Failure('unknown-verification-method', `${controllerId} lists no verification method ${methodId}`);
  }
  if(method.type !== 'Multikey') {
    throw new Failure('unknown-verification-method', `${methodId} is a ${method.type}, not a Multikey`);
  }
  if(method.controller !== controller.id) {
    throw new Failure('unknown-verification-method', `${methodId} is controlled by ${method.controller}`);
  }
  if(!lists(controller, 'assertionMethod', methodId)) {
    throw new Failure('not-an-assertion-method', methodId);
  }
  let publicKey;
  try {
    publicKey = ed25519PublicKey(method.publicKeyMultibase);
  } catch(error) {
    throw new Failure('unknown-verification-method', error.message);
  }

  // §3.2.7 proof verification, then the issuer's binding to the key's controller.
  if(!cryptoVerify(null, hashData, publicKey, signature)) {
    throw new Failure('bad-signature');
  }
  if(issuerCheck) {
    const issuer = typeof secured.issuer === 'object' && secured.issuer !== null ? secured.issuer.id :
      secured.issuer;
    if(issuer !== controller.id) {
      throw new Failure('issuer-mismatch', `issuer ${issuer} is not the key's controller ${controller.id}`);
    }
  }
  return {verified: true, reason: 'valid', verificationMethod: methodId};
}

// ---------------------------------------------------------------------------------------------------------------
// Third party: digitalbazaar's verifier stack

async function thirdPartyVerify(credential, {documentLoader, issuerCheck, now}) {
  const [{verifyCredential}, {DataIntegrityProof}, {cryptosuite}, jsigs] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('jsonld-signatures')
  ]);
  const skipped = [];
  const options = {
    credential,
    suite: new DataIntegrityProof({cryptosuite}),
    documentLoader
  };
  if(now) {
    options.now = now;
  }
  if(credential && credential.credentialStatus !== undefined) {
    options.checkStatus = async () => ({verified: true});
    skipped.push('credentialStatus (no status list is fetched offline; checkStatus answers verified)');
  }
  if(!issuerCheck) {
    const {AssertionProofPurpose} = (jsigs.default ?? jsigs).purposes;
    options.purpose = new AssertionProofPurpose();
    skipped.push('issuer binding (AssertionProofPurpose instead of CredentialIssuancePurpose)');
  }
  const result = await verifyCredential(options);
  const errors = [];
  const collect = error => {
    if(!error) {
      return;
    }
    if(Array.isArray(error)) {
      error.forEach(collect);
      return;
    }
    if(Array.isArray(error.errors) && error.errors.length > 0) {
      error.errors.forEach(collect);
      return;
    }
    const message = `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
    if(!errors.includes(message)) {
      errors.push(message);
    }
  };
  if(!result.verified) {
    collect(result.error);
    for(const entry of result.results ?? []) {
      collect(entry.error);
    }
    if(result.statusResult && !result.statusResult.verified) {
      errors.push('credentialStatus did not verify');
    }
    if(errors.length === 0) {
      errors.push('not verified (no error given)');
    }
  }
  return {verified: result.verified === true, errors, skipped};
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const documents = localDocuments(options);
  const documentLoader = offlineLoader(documents);
  const text = options.credential === '-' ? readFileSync(0, 'utf8') : readFileSync(options.credential, 'utf8');

  const output = {};
  let credential;
  try {
    credential = JSON.parse(text);
  } catch(error) {
    output.ownVerifier = {verified: false, reason: 'not-json', detail: error.message};
    if(options.thirdParty) {
      output.thirdParty = {verified: false, errors: [`not JSON: ${error.message}`], skipped: []};
    }
    process.stdout.write(JSON.stringify(output) + '\n');
    process.exit(1);
  }

  try {
    output.ownVerifier = await ownVerify(credential, {
      documents, documentLoader, issuerCheck: options.issuerCheck,
      canonicalOut: options.canonicalOut, canonicalProofOut: options.canonicalProofOut
    });
  } catch(error) {
    output.ownVerifier = error instanceof Failure ?
      {verified: false, reason: error.reason, detail: error.detail ?? null} :
      {verified: false, reason: 'error', detail: String(error && error.stack || error)};
  }
  if(!options.issuerCheck) {
    output.ownVerifier.skipped = ['issuer binding'];
  }

  if(options.thirdParty) {
    try {
      output.thirdParty = await thirdPartyVerify(
        structuredClone(credential), {documentLoader, issuerCheck: options.issuerCheck, now: options.now});
    } catch(error) {
      output.thirdParty = {verified: false, errors: [`${error.name}: ${error.message}`], skipped: []};
    }
  }

  process.stdout.write(JSON.stringify(output) + '\n');
  const all = [output.ownVerifier, output.thirdParty].filter(Boolean);
  process.exit(all.every(result => result.verified) ? 0 : 1);
}

main().catch(error => {
  process.stderr.write(`${error && error.stack || error}\n`);
  process.exit(2);
});
