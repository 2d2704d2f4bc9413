/*
  001_schema.sql - OLTP model for Azure SQL Database (schema dbo), 9 tables in 3NF.

  Applied by the deployment with sqlcmd (Entra ID auth), before 002..005. Idempotent: every
  object is created only when missing, reference data is upserted, so the script can be re-run.

  Money: BIGINT amounts in the currency's minor unit (cents for EUR, yen for JPY, fils/1000 for
  KWD); dbo.Currency.MinorUnits gives the exponent. See docs/data-model.md.
  Timestamps: DATETIME2(3) in UTC, set with SYSUTCDATETIME().
  Personal / card data columns are marked "-- PII" or "-- CARD" and classified at the end of
  this script (ADD SENSITIVITY CLASSIFICATION); 004 masks them and 005 encrypts the card ones.
  No PAN (full card number) and no CVC is ever stored: the card vault keeps them, this
  database only keeps a vault token reference, last4, expiry and a keyed fingerprint.
*/
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

/* ---------- Country: ISO 3166-1 alpha-2 ---------- */
IF OBJECT_ID(N'dbo.Country', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Country (
    CountryCode CHAR(2) NOT NULL,
    Name NVARCHAR(100) NOT NULL,
    Region NVARCHAR(50) NOT NULL,
    IsEu BIT NOT NULL DEFAULT 0,
    CONSTRAINT PK_Country PRIMARY KEY CLUSTERED (CountryCode),
    CONSTRAINT CK_Country_Code CHECK (CountryCode LIKE '[A-Z][A-Z]')
);
END
GO

/* ---------- Currency: ISO 4217 alpha-3, the FK target of every amount ---------- */
IF OBJECT_ID(N'dbo.Currency', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Currency (
    CurrencyCode CHAR(3) NOT NULL,
    Name NVARCHAR(64) NOT NULL,
    MinorUnits TINYINT NOT NULL,
    IsActive BIT NOT NULL DEFAULT 1,
    CONSTRAINT PK_Currency PRIMARY KEY CLUSTERED (CurrencyCode),
    CONSTRAINT CK_Currency_Code CHECK (CurrencyCode LIKE '[A-Z][A-Z][A-Z]'),
    CONSTRAINT CK_Currency_MinorUnits CHECK (MinorUnits BETWEEN 0 AND 4)
);
END
GO

/* ---------- Merchant ---------- */
IF OBJECT_ID(N'dbo.Merchant', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Merchant (
    MerchantId BIGINT IDENTITY(1,1) NOT NULL,
    PublicId VARCHAR(32) NOT NULL,
    LegalName NVARCHAR(200) NOT NULL,
    DisplayName NVARCHAR(100) NOT NULL,
    CountryCode CHAR(2) NOT NULL,
    DefaultCurrencyCode CHAR(3) NOT NULL,
    Mcc CHAR(4) NOT NULL,
    Status VARCHAR(16) NOT NULL DEFAULT 'pending',
    ContactEmail NVARCHAR(320) NOT NULL,   -- PII
    ContactPhone VARCHAR(32) NULL,         -- PII
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_Merchant PRIMARY KEY CLUSTERED (MerchantId),
    CONSTRAINT UQ_Merchant_PublicId UNIQUE (PublicId),
    CONSTRAINT FK_Merchant_Country FOREIGN KEY (CountryCode) REFERENCES dbo.Country (CountryCode),
    CONSTRAINT FK_Merchant_Currency FOREIGN KEY (DefaultCurrencyCode) REFERENCES dbo.Currency (CurrencyCode),
    CONSTRAINT CK_Merchant_Status CHECK (Status IN ('pending', 'active', 'restricted', 'closed')),
    CONSTRAINT CK_Merchant_Mcc CHECK (Mcc LIKE '[0-9][0-9][0-9][0-9]')
);
END
GO

/* ---------- Customer (a merchant's customer) ---------- */
IF OBJECT_ID(N'dbo.Customer', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Customer (
    CustomerId BIGINT IDENTITY(1,1) NOT NULL,
    MerchantId BIGINT NOT NULL,
    ExternalRef VARCHAR(64) NULL,
    Email NVARCHAR(320) NULL,              -- PII
    FullName NVARCHAR(200) NULL,           -- PII
    Phone VARCHAR(32) NULL,                -- PII
    CountryCode CHAR(2) NULL,
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    DeletedAt DATETIME2(3) NULL,           -- GDPR erasure: PII columns nulled, row kept for the ledger
    CONSTRAINT PK_Customer PRIMARY KEY CLUSTERED (CustomerId),
    CONSTRAINT FK_Customer_Merchant FOREIGN KEY (MerchantId) REFERENCES dbo.Merchant (MerchantId),
    CONSTRAINT FK_Customer_Country FOREIGN KEY (CountryCode) REFERENCES dbo.Country (CountryCode),
    CONSTRAINT CK_Customer_Deleted CHECK (DeletedAt IS NULL OR (Email IS NULL AND FullName IS NULL AND Phone IS NULL))
);
END
GO

/* ---------- PaymentMethod (tokenized; card columns never hold a PAN) ---------- */
IF OBJECT_ID(N'dbo.PaymentMethod', N'U') IS NULL
BEGIN
CREATE TABLE dbo.PaymentMethod (
    PaymentMethodId BIGINT IDENTITY(1,1) NOT NULL,
    CustomerId BIGINT NOT NULL,
    Type VARCHAR(16) NOT NULL,
    VaultTokenRef VARCHAR(64) NOT NULL,
    CardBrand VARCHAR(16) NULL,
    CardLast4 CHAR(4) NULL,                -- CARD (masked, 004)
    CardFingerprint VARBINARY(32) NULL,    -- CARD (Always Encrypted deterministic, 005; no CHECK allowed)
    CardExpMonth TINYINT NULL,             -- CARD (Always Encrypted randomized, 005; no CHECK allowed)
    CardExpYear SMALLINT NULL,             -- CARD (Always Encrypted randomized, 005; no CHECK allowed)
    IssuerCountryCode CHAR(2) NULL,
    Status VARCHAR(16) NOT NULL DEFAULT 'active',
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_PaymentMethod PRIMARY KEY CLUSTERED (PaymentMethodId),
    CONSTRAINT UQ_PaymentMethod_VaultTokenRef UNIQUE (VaultTokenRef),
    CONSTRAINT FK_PaymentMethod_Customer FOREIGN KEY (CustomerId) REFERENCES dbo.Customer (CustomerId),
    CONSTRAINT FK_PaymentMethod_IssuerCountry FOREIGN KEY (IssuerCountryCode) REFERENCES dbo.Country (CountryCode),
    CONSTRAINT CK_PaymentMethod_Type CHECK (Type IN ('card', 'sepa_debit', 'bank_transfer', 'wallet')),
    CONSTRAINT CK_PaymentMethod_Brand CHECK (CardBrand IS NULL OR CardBrand IN ('visa', 'mastercard', 'amex', 'discover', 'jcb', 'unionpay', 'cartes_bancaires')),
    CONSTRAINT CK_PaymentMethod_CardBrand CHECK (Type <> 'card' OR CardBrand IS NOT NULL),
    CONSTRAINT CK_PaymentMethod_Status CHECK (Status IN ('active', 'expired', 'detached'))
);
END
GO

/* ---------- Payment: the hot write path ---------- */
IF OBJECT_ID(N'dbo.Payment', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Payment (
    PaymentId BIGINT IDENTITY(1,1) NOT NULL,
    MerchantId BIGINT NOT NULL,
    CustomerId BIGINT NULL,
    PaymentMethodId BIGINT NULL,
    IdempotencyKey VARCHAR(64) NOT NULL,
    AmountMinor BIGINT NOT NULL,
    CurrencyCode CHAR(3) NOT NULL,
    Status VARCHAR(32) NOT NULL DEFAULT 'requires_payment_method',
    CaptureMethod VARCHAR(16) NOT NULL DEFAULT 'automatic',
    Description NVARCHAR(500) NULL,
    FailureCode VARCHAR(64) NULL,
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CapturedAt DATETIME2(3) NULL,
    CONSTRAINT PK_Payment PRIMARY KEY CLUSTERED (PaymentId),
    CONSTRAINT UQ_Payment_IdempotencyKey UNIQUE (MerchantId, IdempotencyKey),
    CONSTRAINT FK_Payment_Merchant FOREIGN KEY (MerchantId) REFERENCES dbo.Merchant (MerchantId),
    CONSTRAINT FK_Payment_Customer FOREIGN KEY (CustomerId) REFERENCES dbo.Customer (CustomerId),
    CONSTRAINT FK_Payment_PaymentMethod FOREIGN KEY (PaymentMethodId) REFERENCES dbo.PaymentMethod (PaymentMethodId),
    CONSTRAINT FK_Payment_Currency FOREIGN KEY (CurrencyCode) REFERENCES dbo.Currency (CurrencyCode),
    CONSTRAINT CK_Payment_Amount CHECK (AmountMinor > 0),
    CONSTRAINT CK_Payment_Status CHECK (Status IN ('requires_payment_method', 'requires_confirmation', 'requires_capture', 'processing', 'succeeded', 'failed', 'canceled')),
    CONSTRAINT CK_Payment_CaptureMethod CHECK (CaptureMethod IN ('automatic', 'manual')),
    CONSTRAINT CK_Payment_CapturedAt CHECK (CapturedAt IS NULL OR Status = 'succeeded')
);
END
GO

/* ---------- Refund (currency is the payment's: not repeated, 3NF) ---------- */
IF OBJECT_ID(N'dbo.Refund', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Refund (
    RefundId BIGINT IDENTITY(1,1) NOT NULL,
    PaymentId BIGINT NOT NULL,
    IdempotencyKey VARCHAR(64) NOT NULL,
    AmountMinor BIGINT NOT NULL,
    Reason VARCHAR(32) NOT NULL DEFAULT 'requested_by_customer',
    Status VARCHAR(16) NOT NULL DEFAULT 'pending',
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_Refund PRIMARY KEY CLUSTERED (RefundId),
    CONSTRAINT UQ_Refund_IdempotencyKey UNIQUE (PaymentId, IdempotencyKey),
    CONSTRAINT FK_Refund_Payment FOREIGN KEY (PaymentId) REFERENCES dbo.Payment (PaymentId),
    CONSTRAINT CK_Refund_Amount CHECK (AmountMinor > 0),
    CONSTRAINT CK_Refund_Reason CHECK (Reason IN ('duplicate', 'fraudulent', 'requested_by_customer', 'other')),
    CONSTRAINT CK_Refund_Status CHECK (Status IN ('pending', 'succeeded', 'failed', 'canceled'))
);
END
GO

/* ---------- Dispute (chargeback) ---------- */
IF OBJECT_ID(N'dbo.Dispute', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Dispute (
    DisputeId BIGINT IDENTITY(1,1) NOT NULL,
    PaymentId BIGINT NOT NULL,
    AmountMinor BIGINT NOT NULL,
    Reason VARCHAR(32) NOT NULL,
    Status VARCHAR(32) NOT NULL DEFAULT 'needs_response',
    EvidenceDueBy DATETIME2(3) NULL,
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_Dispute PRIMARY KEY CLUSTERED (DisputeId),
    CONSTRAINT FK_Dispute_Payment FOREIGN KEY (PaymentId) REFERENCES dbo.Payment (PaymentId),
    CONSTRAINT CK_Dispute_Amount CHECK (AmountMinor > 0),
    CONSTRAINT CK_Dispute_Reason CHECK (Reason IN ('fraudulent', 'duplicate', 'product_not_received', 'product_unacceptable', 'subscription_canceled', 'credit_not_processed', 'general')),
    CONSTRAINT CK_Dispute_Status CHECK (Status IN ('warning_needs_response', 'needs_response', 'under_review', 'won', 'lost'))
);
END
GO

/* ---------- Payout (to the merchant's bank account) ---------- */
IF OBJECT_ID(N'dbo.Payout', N'U') IS NULL
BEGIN
CREATE TABLE dbo.Payout (
    PayoutId BIGINT IDENTITY(1,1) NOT NULL,
    MerchantId BIGINT NOT NULL,
    AmountMinor BIGINT NOT NULL,
    CurrencyCode CHAR(3) NOT NULL,
    Status VARCHAR(16) NOT NULL DEFAULT 'pending',
    BankAccountLast4 CHAR(4) NULL,         -- PII (masked, 004)
    ArrivalDate DATE NULL,
    CreatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    UpdatedAt DATETIME2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_Payout PRIMARY KEY CLUSTERED (PayoutId),
    CONSTRAINT FK_Payout_Merchant FOREIGN KEY (MerchantId) REFERENCES dbo.Merchant (MerchantId),
    CONSTRAINT FK_Payout_Currency FOREIGN KEY (CurrencyCode) REFERENCES dbo.Currency (CurrencyCode),
    CONSTRAINT CK_Payout_Amount CHECK (AmountMinor > 0),
    CONSTRAINT CK_Payout_Status CHECK (Status IN ('pending', 'in_transit', 'paid', 'failed', 'canceled'))
);
END
GO

/* ---------- Indexes for the payment write path and FK lookups ---------- */
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Payment') AND name = N'IX_Payment_Merchant_CreatedAt')
    CREATE NONCLUSTERED INDEX IX_Payment_Merchant_CreatedAt ON dbo.Payment (MerchantId, CreatedAt DESC) INCLUDE (Status, AmountMinor, CurrencyCode);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Payment') AND name = N'IX_Payment_Customer')
    CREATE NONCLUSTERED INDEX IX_Payment_Customer ON dbo.Payment (CustomerId, CreatedAt DESC) WHERE CustomerId IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Payment') AND name = N'IX_Payment_Status')
    CREATE NONCLUSTERED INDEX IX_Payment_Status ON dbo.Payment (Status, CreatedAt) INCLUDE (MerchantId);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Payment') AND name = N'IX_Payment_PaymentMethod')
    CREATE NONCLUSTERED INDEX IX_Payment_PaymentMethod ON dbo.Payment (PaymentMethodId) WHERE PaymentMethodId IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Refund') AND name = N'IX_Refund_Payment')
    CREATE NONCLUSTERED INDEX IX_Refund_Payment ON dbo.Refund (PaymentId) INCLUDE (AmountMinor, Status);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Dispute') AND name = N'IX_Dispute_Payment')
    CREATE NONCLUSTERED INDEX IX_Dispute_Payment ON dbo.Dispute (PaymentId) INCLUDE (Status);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Customer') AND name = N'IX_Customer_Merchant')
    CREATE NONCLUSTERED INDEX IX_Customer_Merchant ON dbo.Customer (MerchantId);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Customer') AND name = N'UX_Customer_Merchant_ExternalRef')
    CREATE UNIQUE NONCLUSTERED INDEX UX_Customer_Merchant_ExternalRef ON dbo.Customer (MerchantId, ExternalRef) WHERE ExternalRef IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.PaymentMethod') AND name = N'IX_PaymentMethod_Customer')
    CREATE NONCLUSTERED INDEX IX_PaymentMethod_Customer ON dbo.PaymentMethod (CustomerId);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Payout') AND name = N'IX_Payout_Merchant_CreatedAt')
    CREATE NONCLUSTERED INDEX IX_Payout_Merchant_CreatedAt ON dbo.Payout (MerchantId, CreatedAt DESC);
GO

/* ---------- Reference data (upsert: safe to re-run) ---------- */
MERGE dbo.Currency AS t
USING (VALUES
    ('EUR', N'Euro', 2), ('USD', N'US Dollar', 2), ('GBP', N'Pound Sterling', 2), ('CHF', N'Swiss Franc', 2),
    ('SEK', N'Swedish Krona', 2), ('DKK', N'Danish Krone', 2), ('PLN', N'Zloty', 2), ('JPY', N'Yen', 0),
    ('KWD', N'Kuwaiti Dinar', 3)
) AS s (CurrencyCode, Name, MinorUnits)
ON t.CurrencyCode = s.CurrencyCode
WHEN MATCHED AND (t.Name <> s.Name OR t.MinorUnits <> s.MinorUnits) THEN UPDATE SET Name = s.Name, MinorUnits = s.MinorUnits
WHEN NOT MATCHED THEN INSERT (CurrencyCode, Name, MinorUnits) VALUES (s.CurrencyCode, s.Name, s.MinorUnits);

MERGE dbo.Country AS t
USING (VALUES
    ('FR', N'France', N'Europe', 1), ('DE', N'Germany', N'Europe', 1), ('IE', N'Ireland', N'Europe', 1),
    ('NL', N'Netherlands', N'Europe', 1), ('ES', N'Spain', N'Europe', 1), ('IT', N'Italy', N'Europe', 1),
    ('SE', N'Sweden', N'Europe', 1), ('GB', N'United Kingdom', N'Europe', 0), ('CH', N'Switzerland', N'Europe', 0),
    ('US', N'United States', N'North America', 0), ('JP', N'Japan', N'Asia', 0)
) AS s (CountryCode, Name, Region, IsEu)
ON t.CountryCode = s.CountryCode
WHEN MATCHED AND (t.Name <> s.Name OR t.Region <> s.Region OR t.IsEu <> s.IsEu) THEN UPDATE SET Name = s.Name, Region = s.Region, IsEu = s.IsEu
WHEN NOT MATCHED THEN INSERT (CountryCode, Name, Region, IsEu) VALUES (s.CountryCode, s.Name, s.Region, s.IsEu);
GO

/* ---------- Data classification of personal and card data (drives 003 CDC column lists,
   004 masking, 005 encryption, and Defender / Purview reporting). ADD SENSITIVITY
   CLASSIFICATION overwrites an existing label, so re-running is safe. ---------- */
ADD SENSITIVITY CLASSIFICATION TO dbo.Merchant.ContactEmail WITH (LABEL = 'Confidential - GDPR', INFORMATION_TYPE = 'Contact Info', RANK = MEDIUM);
ADD SENSITIVITY CLASSIFICATION TO dbo.Merchant.ContactPhone WITH (LABEL = 'Confidential - GDPR', INFORMATION_TYPE = 'Contact Info', RANK = MEDIUM);
ADD SENSITIVITY CLASSIFICATION TO dbo.Customer.Email WITH (LABEL = 'Confidential - GDPR', INFORMATION_TYPE = 'Contact Info', RANK = HIGH);
ADD SENSITIVITY CLASSIFICATION TO dbo.Customer.FullName WITH (LABEL = 'Confidential - GDPR', INFORMATION_TYPE = 'Name', RANK = HIGH);
ADD SENSITIVITY CLASSIFICATION TO dbo.Customer.Phone WITH (LABEL = 'Confidential - GDPR', INFORMATION_TYPE = 'Contact Info', RANK = HIGH);
ADD SENSITIVITY CLASSIFICATION TO dbo.PaymentMethod.CardLast4 WITH (LABEL = 'Highly Confidential', INFORMATION_TYPE = 'Credit Card', RANK = HIGH);
ADD SENSITIVITY CLASSIFICATION TO dbo.PaymentMethod.CardFingerprint WITH (LABEL = 'Highly Confidential', INFORMATION_TYPE = 'Credit Card', RANK = CRITICAL);
ADD SENSITIVITY CLASSIFICATION TO dbo.PaymentMethod.CardExpMonth WITH (LABEL = 'Highly Confidential', INFORMATION_TYPE = 'Credit Card', RANK = CRITICAL);
ADD SENSITIVITY CLASSIFICATION TO dbo.PaymentMethod.CardExpYear WITH (LABEL = 'Highly Confidential', INFORMATION_TYPE = 'Credit Card', RANK = CRITICAL);
ADD SENSITIVITY CLASSIFICATION TO dbo.Payout.BankAccountLast4 WITH (LABEL = 'Highly Confidential', INFORMATION_TYPE = 'Banking', RANK = HIGH);
GO
