// Each test file opens its own database (PGlite takes a few seconds to start on a busy machine).
jest.setTimeout(60_000)
