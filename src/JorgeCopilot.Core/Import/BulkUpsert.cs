using System.Data.Common;
using System.Text;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Writes many entities in multi-row <c>INSERT ... ON CONFLICT (natural key) DO UPDATE</c> statements, on the context's
/// connection and inside its current transaction. Same SQL on SQLite and PostgreSQL; column names, value conversions
/// (JSON columns, decimals on SQLite, enums) and parameter types all come from the EF Core model, so the rows read
/// back exactly as if EF had saved them — without change tracking, which is what makes a 400k-row seed take seconds.
/// </summary>
internal sealed class BulkUpsert<T> where T : class
{
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 1_000;
    private const int SqliteParameters = 400;

    private readonly JorgeDbContext _db;
    private readonly List<(IProperty Property, Func<T, object?> Get, RelationalTypeMapping Mapping, string Column)> _columns;
    private readonly string _prefix;
    private readonly string _conflict;

    /// <param name="db">Context whose connection and transaction are used.</param>
    /// <param name="keyProperties">The natural key (a unique index in the model).</param>
    /// <param name="keepOnUpdate">Properties a re-import must not overwrite (e.g. a lead's stage when the file has none).</param>
    public BulkUpsert(JorgeDbContext db, IReadOnlyList<string> keyProperties, IReadOnlyCollection<string>? keepOnUpdate = null)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (p, Getter(p), (RelationalTypeMapping)p.GetTypeMapping(), p.GetColumnName(table)!))
            .ToList();
        var keys = keyProperties.Select(k => Quote(entity.FindProperty(k)!.GetColumnName(table)!)).ToList();
        var updates = _columns
            .Where(c => !keyProperties.Contains(c.Property.Name) && !(keepOnUpdate?.Contains(c.Property.Name) ?? false))
            .Select(c => $"{Quote(c.Column)} = excluded.{Quote(c.Column)}")
            .ToList();
        _prefix = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", _columns.Select(c => Quote(c.Column)))}) VALUES ";
        _conflict = $" ON CONFLICT ({string.Join(", ", keys)}) "
            + (updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates));
    }

    public async Task WriteAsync(IReadOnlyList<T> rows, Action<int>? written, CancellationToken cancellationToken)
    {
        var connection = _db.Database.GetDbConnection();
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        // SQLite looks named parameters up by a linear scan, so binding a statement costs O(parameters²): it gets short
        // multi-row statements (a few hundred parameters), prepared once and re-executed. PostgreSQL pays a round trip
        // per statement, so it gets long ones.
        var perStatement = _db.Database.IsSqlite()
            ? Math.Max(1, SqliteParameters / _columns.Count)
            : Math.Clamp(MaxParameters / _columns.Count, 1, MaxRowsPerStatement);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var command = count == perStatement ? full ??= await CreateAsync(connection, transaction, count, cancellationToken)
                    : await CreateAsync(connection, transaction, count, cancellationToken);
                var n = 0;
                for (var r = start; r < start + count; r++)
                {
                    foreach (var (_, get, mapping, _) in _columns)
                    {
                        var value = get(rows[r]);
                        if (value is not null && mapping.Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        command.Parameters[n++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (!ReferenceEquals(command, full))
                {
                    await command.DisposeAsync();
                }

                // Report every few thousand rows; progress rendering is not free.
                if ((start / perStatement) % Math.Max(1, 5_000 / perStatement) == 0 || start + count == rows.Count)
                {
                    written?.Invoke(Math.Min(rows.Count, start + count));
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private async Task<DbCommand> CreateAsync(DbConnection connection, DbTransaction? transaction, int rows, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 300;
        command.CommandText = Sql(rows);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            foreach (var (property, _, mapping, _) in _columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, "@p" + n++, null, property.IsNullable));
            }
        }

        await command.PrepareAsync(cancellationToken);

        return command;
    }

    private readonly Dictionary<int, string> _sql = [];

    private string Sql(int rows)
    {
        if (_sql.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var sql = new StringBuilder(_prefix);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Count; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append(n++);
            }

            sql.Append(')');
        }

        sql.Append(_conflict);
        return _sql[rows] = sql.ToString();
    }

    private static Func<T, object?> Getter(IProperty property)
    {
        var info = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property");
        return entity => info.GetValue(entity);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
