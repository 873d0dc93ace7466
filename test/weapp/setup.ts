// The runtime tests drive a whole mini-program against the real BFF: give them time.
jest.setTimeout(120_000)
