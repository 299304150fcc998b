/**
 * Labelled secret and personal values for leak tests, and the leak check itself. All are made up (random
 * bodies, unassigned numbers); each has the shape the detectors or the credential-shape masking recognise.
 */
import { maskValue } from "../../src/rule-api/mask.js";

export interface Labelled {
  label: string;
  value: string;
  /** Stretches of the value that must not appear in output; default: the value itself. */
  parts?: string[];
}

const PEM_LINES = [
  "MHcCAQEEItKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJ",
  "Ioekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXu",
  "nJJm/oSHoNrKsFXJu59awr2qxPDjpLK4A==",
];
const PEM_TEXT = `-----BEGIN EC PRIVATE KEY-----\n${PEM_LINES.join("\n")}\n-----END EC PRIVATE KEY-----`;

export const LABELLED = {
  API_KEY: { label: "OpenAI key", value: "sk-proj-Xa82kQpL0vN3zR7tB4yW1mC6T3BlbkFJh5Gd9sJ2fK8pL0qR3vN7bX4w" },
  GITHUB_TOKEN: { label: "GitHub token", value: "ghp_R8mK2xQ7vL4nB9tW3yC6pJ1dF5gH0sZ2eA7u" },
  AWS_ID: { label: "AWS key id", value: "AKIAZ7Q3XK4PLM2RT9VB" },
  AWS_SECRET: { label: "AWS secret key", value: "wK3pQ8vL2nR7tB4yW9mC1xJ6dF0gH5sZ8eA2uI7o" },
  EMAIL: { label: "email", value: "marta.kowalska@fjordline-mail.no" },
  SSN: { label: "SSN", value: "512-48-3907" },
  PHONE: { label: "phone", value: "+1 312 847 2093" },
  CARD: { label: "card", value: "4539 1488 0343 6467" },
  JWT: {
    label: "JWT",
    value:
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0ODE1MTYyMzQyIiwibmFtZSI6Ik1hcnRhIEtvd2Fsc2thIiwiaWF0IjoxNzE2MjM5MDIyfQ.7Qm2L9xVb4Kp1Rz8Tn3Yw6Hc0Jd5Fg2Sa7Ue4Io9Pq1",
  },
  PEM: { label: "EC private key", value: PEM_TEXT, parts: PEM_LINES },
  PEM_BODY: { label: "EC private key body", value: PEM_LINES.join("\n"), parts: PEM_LINES },
} satisfies Record<string, Labelled>;

/** Window size: a stretch this long of a labelled value in output is a leak. */
const WINDOW = 10;

/**
 * Stretches of `labelled` found in `text`: every WINDOW-character window of the value (or of its parts),
 * except windows its masked form shows on purpose (a provider prefix, the last four characters). The
 * values are ASCII without quotes or backslashes, so JSON, XML and workflow-command escaping leave them as is.
 */
export function leaks(text: string, labelled: Labelled): string[] {
  const found = new Set<string>();
  for (const part of labelled.parts ?? [labelled.value]) {
    const masked = maskValue(part);
    for (let i = 0; i + WINDOW <= part.length; i++) {
      const window = part.slice(i, i + WINDOW);
      if (!masked.includes(window) && text.includes(window)) found.add(window);
    }
    if (part.length < WINDOW && text.includes(part)) found.add(part);
  }
  return [...found];
}
