/** Thrown for problems in configuration (bad options): the CLI turns these into exit code 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
