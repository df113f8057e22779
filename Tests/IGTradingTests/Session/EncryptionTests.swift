import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Password encryption")
struct EncryptionTests {
    @Test("An encrypted v2 login succeeds and the simulator decrypts password|timestamp")
    func encryptedLogin() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, encryption: .always) { client in
                try await client.session.login()
                #expect(await simulator.statistics().encryptedLogins == 1)
                let key = try await client.session.encryptionKey()
                let ciphertext = try PasswordEncryptor.encrypt(password: "demo-password", with: key)
                #expect(simulator.decryptPassword(ciphertext) == "demo-password|\(key.timeStamp)")
            }
        }
    }

    @Test("Automatic encryption retries encrypted when IG says encryption.required")
    func automaticEncryption() async throws {
        try await IGSimulator.withRunning { simulator, url in
            let credentials = IGCredentials(
                identifier: "encrypt-user", password: "demo-password", apiKey: "demo-api-key")
            try await withClient(url, credentials: credentials, encryption: .automatic) { client in
                try await client.session.login()
                #expect(await simulator.statistics().encryptedLogins == 1)
            }
            try await withClient(url, credentials: credentials, encryption: .never) { client in
                let error = await igError { try await client.session.login() }
                #expect(error?.errorCode == .encryptionRequired)
                #expect(error?.hint?.contains("passwordEncryption") == true)
            }
        }
    }

    @Test("The ciphertext decrypts with OpenSSL, an independent RSA implementation")
    func opensslInterop() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ig-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let privateKey = directory.appendingPathComponent("key.pem").path
        let publicDER = directory.appendingPathComponent("pub.der").path
        try run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", privateKey)
        try run("openssl", "pkey", "-in", privateKey, "-pubout", "-outform", "DER", "-out", publicDER)
        let key = EncryptionKey(
            encryptionKey: try Data(contentsOf: URL(fileURLWithPath: publicDER)).base64EncodedString(),
            timeStamp: 1_700_000_000_123)
        let ciphertext = try PasswordEncryptor.encrypt(password: "s3cret|with|bars", with: key)
        let cipherFile = directory.appendingPathComponent("cipher.bin")
        try Data(base64Encoded: ciphertext)!.write(to: cipherFile)
        let plainFile = directory.appendingPathComponent("plain.txt").path
        try run(
            "openssl", "pkeyutl", "-decrypt", "-inkey", privateKey, "-pkeyopt", "rsa_padding_mode:pkcs1",
            "-in", cipherFile.path, "-out", plainFile)
        let base64 = try String(contentsOfFile: plainFile, encoding: .utf8)
        let plaintext = String(decoding: Data(base64Encoded: base64)!, as: UTF8.self)
        #expect(plaintext == "s3cret|with|bars|1700000000123")
    }

    private func run(_ arguments: String...) throws {
        let process = try ChildProcess(executable: "/usr/bin/env", arguments: arguments)
        while process.isRunning { usleep(10_000) }
        #expect(process.terminationStatus == 0, "\(arguments.joined(separator: " ")) failed")
    }
}
