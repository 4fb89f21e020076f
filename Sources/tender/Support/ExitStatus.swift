import ArgumentParser

/// Exit statuses, after BSD sysexits: usage errors exit 64 (ArgumentParser's own).
enum ExitStatus {
    /// The scenario (or another input file) is invalid: EX_DATAERR.
    static let invalidInput = ExitCode(65)
    /// An output file could not be written: EX_IOERR.
    static let cannotWrite = ExitCode(74)
}
