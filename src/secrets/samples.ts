/**
 * Keys published in documentation as examples: reporting them would flag every tutorial that copies the
 * docs. Stored as SHA-256 digests (with a masked form in the note) so this file holds no key itself and
 * does not trip secret scanners or push protection. Compared against a finding's exact text.
 */
import { createHash } from "node:crypto";

const DOCUMENTED_SAMPLES: ReadonlyMap<string, string> = new Map([
  ["1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3", "AWS documentation access key ID (AKIAI…MPLE)"],
  ["78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598", "AWS documentation secret access key (wJalrX…EKEY)"],
  ["e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33", "AWS documentation secret access key (second) (je7MtG…EKEY)"],
  ["7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606", "jwt.io's default token (eyJhbG…sw5c)"],
  ["2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326", "Stripe documentation test key (sk_tes…p7dc)"],
  ["f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397", "Stripe documentation test key (older) (sk_tes…lfQ2)"],
  ["3543c50b0cb9cea8e55eb1f529b79f043cb250d485fde7b66cabbb5183add7da", "GitHub documentation token (ghp_16…8B4a)"],
  ["2ddc147f3a3b5a1722b8ed6be3c45c49a7156b17fca5d11410137a6d04def6eb", "Slack API documentation bot token (xoxb-1…bqgy)"],
  ["10abdc403a3b9aa6b8a285c5402110e01a73d972e6670410ba3fd90f3f8648f4", "1Password white paper secret key (A3-ASW…43EB)"],
  ["a7b2c5ded1e6d5da8e4f36a5e30d7b11397829b61a712dccaa80973d772741ff", "1Password white paper secret key (A3-ASW…43EB)"],
  ["f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…4567)"],
  ["2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…YyIs)"],
  ["3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…agEM)"],
  ["e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…DrlU)"],
  ["a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…hrh0)"],
  ["0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c", "Firebase SDK example key, allowlisted by gitleaks (AIzayD…bX4A)"],
  ["eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…wX7c)"],
  ["37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…mLd4)"],
  ["8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…DQgY)"],
  ["49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…4wtM)"],
  ["27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…P5sQ)"],
  ["dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…cS7g)"],
  ["4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…vvuU)"],
  ["ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…NXsw)"],
  ["3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…FmqE)"],
  ["a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41", "Firebase SDK example key, allowlisted by gitleaks (AIzaSy…0nvY)"],
]);

/** True when `value` is a key that documentation publishes as an example. */
export function isDocumentedSample(value: string): boolean {
  return DOCUMENTED_SAMPLES.has(createHash("sha256").update(value).digest("hex"));
}

/** How many documented samples are known (for tests). */
export const DOCUMENTED_SAMPLE_COUNT = DOCUMENTED_SAMPLES.size;
