/*
  004_dynamic_data_masking.sql - Dynamic Data Masking on personal data columns.

  Masks apply to every principal without UNMASK (application read replicas, analysts, support
  tooling). db_owner and the Entra admin group always see clear text. Support staff get
  clear-text contact data through the role SupportUnmask (granular UNMASK, Azure SQL only);
  card columns stay masked for everyone but the payment service.
  Columns protected by Always Encrypted (005: CardFingerprint, CardExpMonth, CardExpYear) are
  NOT masked: a masked column cannot be encrypted and the ciphertext is already unreadable.
  Idempotent: each mask is added only when sys.masked_columns does not list it yet.
*/
SET NOCOUNT ON;
GO

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Merchant') AND name = N'ContactEmail')
    ALTER TABLE dbo.Merchant ALTER COLUMN ContactEmail ADD MASKED WITH (FUNCTION = 'email()');
IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Merchant') AND name = N'ContactPhone')
    ALTER TABLE dbo.Merchant ALTER COLUMN ContactPhone ADD MASKED WITH (FUNCTION = 'partial(0,"XXXXXXX",2)');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Customer') AND name = N'Email')
    ALTER TABLE dbo.Customer ALTER COLUMN Email ADD MASKED WITH (FUNCTION = 'email()');
IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Customer') AND name = N'FullName')
    ALTER TABLE dbo.Customer ALTER COLUMN FullName ADD MASKED WITH (FUNCTION = 'partial(1,"*****",0)');
IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Customer') AND name = N'Phone')
    ALTER TABLE dbo.Customer ALTER COLUMN Phone ADD MASKED WITH (FUNCTION = 'partial(0,"XXXXXXX",2)');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.PaymentMethod') AND name = N'CardLast4')
    ALTER TABLE dbo.PaymentMethod ALTER COLUMN CardLast4 ADD MASKED WITH (FUNCTION = 'default()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'dbo.Payout') AND name = N'BankAccountLast4')
    ALTER TABLE dbo.Payout ALTER COLUMN BankAccountLast4 ADD MASKED WITH (FUNCTION = 'default()');
GO

/* Support staff: clear-text contact data of merchants and customers, nothing else. Members are
   Entra groups added by the deployment (ALTER ROLE SupportUnmask ADD MEMBER [sg-...-support]). */
IF DATABASE_PRINCIPAL_ID(N'SupportUnmask') IS NULL
    CREATE ROLE SupportUnmask AUTHORIZATION dbo;
GO
GRANT SELECT ON OBJECT::dbo.Merchant TO SupportUnmask;
GRANT SELECT ON OBJECT::dbo.Customer TO SupportUnmask;
GRANT UNMASK ON dbo.Merchant(ContactEmail) TO SupportUnmask;
GRANT UNMASK ON dbo.Merchant(ContactPhone) TO SupportUnmask;
GRANT UNMASK ON dbo.Customer(Email) TO SupportUnmask;
GRANT UNMASK ON dbo.Customer(FullName) TO SupportUnmask;
GRANT UNMASK ON dbo.Customer(Phone) TO SupportUnmask;
GO
