export { base64Decode, base64Encode, base64url, base64urlDecode } from './base64';
export { parseFormUrlencoded } from './form-urlencoded';
export { bytesToHex, hexToBytes } from './hex';
export { type Utf8DecodeOptions, utf8ByteLength, utf8Decode, utf8Encode } from './utf8';
