import Foundation

/// Lines that `serve` and `webhook` print for people and scripts: written unbuffered, so a script
/// reading the output through a pipe sees each line at once (`print` is block-buffered there).
enum ServerConsole {
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
