/*
  005_always_encrypted.sql - Always Encrypted for card data (PCI DSS req. 3).

  Run with: sqlcmd ... -v CmkKeyVaultKeyUrl="https://<vault>.vault.azure.net/keys/<key>/<version>" -i 005_always_encrypted.sql
  The key is the RSA key created by the platform's Key Vault construct; the SQL server never sees
  it: Always Encrypted keys are used by the CLIENT driver (Microsoft.Data.SqlClient / JDBC with
  Column Encryption Setting=Enabled and Key Vault access for the payment service identity).

  What T-SQL can do, and this script does:
    - CREATE COLUMN MASTER KEY CMK_PaymentsAkv: metadata only (provider + key path), idempotent.
  What T-SQL cannot do, and needs client tooling (SqlServer PowerShell module or the SSMS
  "Always Encrypted" wizard), run by the security team once per environment:
    - CREATE COLUMN ENCRYPTION KEY needs ENCRYPTED_VALUE = the CEK wrapped by the CMK in Key
      Vault, computed client-side:
        New-SqlColumnEncryptionKey -Name CEK_PaymentsCard -ColumnMasterKeyName CMK_PaymentsAkv -InputObject $db
    - encrypting existing columns re-writes the data through the client:
        Set-SqlColumnEncryption -ColumnEncryptionSettings $settings -InputObject $db -LogFileDirectory .
      with these settings (the target design):
        dbo.PaymentMethod.CardFingerprint  DETERMINISTIC  (equality lookups: "is this card already on file",
                                                           duplicate-card fraud rule; varbinary needs no BIN2 collation)
        dbo.PaymentMethod.CardExpMonth     RANDOMIZED     (never searched, only returned to the payment service)
        dbo.PaymentMethod.CardExpYear      RANDOMIZED
    - key rotation: New-SqlColumnMasterKey + Invoke-SqlColumnMasterKeyRotation (CMK), Set-SqlColumnEncryption (CEK).
  Order with CDC: Set-SqlColumnEncryption rebuilds dbo.PaymentMethod (new table, data copied,
  renamed), which drops its CDC capture instance. Encrypt BEFORE 003 enables CDC on PaymentMethod;
  on a database where CDC is already on, encrypt inside a write freeze of PaymentMethod and re-run
  003_cdc_enable.sql immediately after (it re-captures the table and resets its watermark), as in
  docs/runbook.md ("Always Encrypted and CDC").
  Constraints honoured in 001: no CHECK constraint, default or mask on these three columns (an
  encrypted column cannot have them); 003 excludes encrypted columns from CDC, so ciphertext never
  reaches Synapse. CardLast4 is masked (004), not encrypted: PCI DSS allows last4 in clear.
  The PAN and CVC are never stored in this database (only VaultTokenRef to the card vault).
*/
SET NOCOUNT ON;
GO

IF NOT EXISTS (SELECT 1 FROM sys.column_master_keys WHERE name = N'CMK_PaymentsAkv')
    CREATE COLUMN MASTER KEY CMK_PaymentsAkv
    WITH (
        KEY_STORE_PROVIDER_NAME = N'AZURE_KEY_VAULT',
        KEY_PATH = N'$(CmkKeyVaultKeyUrl)'
    );
GO

/* Report what still needs the client tooling; never fails the deployment. */
IF NOT EXISTS (SELECT 1 FROM sys.column_encryption_keys WHERE name = N'CEK_PaymentsCard')
    PRINT N'005_always_encrypted: column encryption key CEK_PaymentsCard missing: create it with New-SqlColumnEncryptionKey (see header).';

SELECT
    TableName = OBJECT_NAME(c.object_id),
    ColumnName = c.name,
    TargetEncryption = t.TargetEncryption,
    CurrentEncryption = ISNULL(c.encryption_type_desc, N'PLAINTEXT'),
    KeyName = cek.name
FROM (VALUES
        (N'CardFingerprint', N'DETERMINISTIC'),
        (N'CardExpMonth', N'RANDOMIZED'),
        (N'CardExpYear', N'RANDOMIZED')
     ) AS t (ColumnName, TargetEncryption)
JOIN sys.columns AS c ON c.object_id = OBJECT_ID(N'dbo.PaymentMethod') AND c.name = t.ColumnName
LEFT JOIN sys.column_encryption_keys AS cek ON cek.column_encryption_key_id = c.column_encryption_key_id;
GO
