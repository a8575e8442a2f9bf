// seleksi-bench --prepare PATH --instances N
// Makes the database every implementation of the lifecycle starts from: copies of this one file, so
// that all of them begin with the same bytes.
import Foundation

func prepareMode(path: String) throws {
    let instances = argument("--instances", 12_500)
    let t = seconds()
    try makeBenchDatabase(path: path, instances: instances)
    FileHandle.standardError.write(Data(String(format: "prepared %@: %d instances in %.2f s\n", path, instances, seconds() - t).utf8))
}
