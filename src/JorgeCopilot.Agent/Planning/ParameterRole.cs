namespace JorgeCopilot.Agent.Planning;

/// <summary>What a tool parameter stands for, recognised from its name, so any capability's parameters are filled alike.</summary>
public enum ParameterRole
{
    None,
    Lead,
    Address,
    Parcel,
    Zip,
    Limit,
    Region,
    City,
    Money,
    Horizon,
    Date,
    Bedrooms,
    Bathrooms,
    Sqft,
    YearBuilt,

    /// <summary>Free text the tool works on (a search query, a lead's message): the quoted part of the message, else all of it.</summary>
    Text,
}

public static class ParameterRoles
{
    private static readonly Dictionary<string, ParameterRole> ByName = new(StringComparer.Ordinal)
    {
        ["leadid"] = ParameterRole.Lead, ["lead"] = ParameterRole.Lead,
        ["address"] = ParameterRole.Address, ["property"] = ParameterRole.Address, ["location"] = ParameterRole.Address, ["home"] = ParameterRole.Address,
        ["parcelid"] = ParameterRole.Parcel, ["parcel"] = ParameterRole.Parcel,
        ["zip"] = ParameterRole.Zip, ["zipcode"] = ParameterRole.Zip, ["postalcode"] = ParameterRole.Zip,
        ["limit"] = ParameterRole.Limit, ["count"] = ParameterRole.Limit, ["top"] = ParameterRole.Limit, ["n"] = ParameterRole.Limit, ["max"] = ParameterRole.Limit,
        ["region"] = ParameterRole.Region, ["market"] = ParameterRole.Region, ["metro"] = ParameterRole.Region, ["area"] = ParameterRole.Region,
        ["city"] = ParameterRole.City, ["town"] = ParameterRole.City,
        ["listprice"] = ParameterRole.Money, ["price"] = ParameterRole.Money, ["askingprice"] = ParameterRole.Money, ["budget"] = ParameterRole.Money,
        ["amount"] = ParameterRole.Money, ["goal"] = ParameterRole.Money, ["target"] = ParameterRole.Money,
        ["horizon"] = ParameterRole.Horizon, ["horizonmonths"] = ParameterRole.Horizon, ["months"] = ParameterRole.Horizon, ["monthsahead"] = ParameterRole.Horizon,
        ["date"] = ParameterRole.Date, ["targetdate"] = ParameterRole.Date, ["until"] = ParameterRole.Date, ["by"] = ParameterRole.Date,
        ["bedrooms"] = ParameterRole.Bedrooms, ["beds"] = ParameterRole.Bedrooms,
        ["bathrooms"] = ParameterRole.Bathrooms, ["baths"] = ParameterRole.Bathrooms,
        ["sqft"] = ParameterRole.Sqft, ["livingsqft"] = ParameterRole.Sqft, ["squarefeet"] = ParameterRole.Sqft, ["livingarea"] = ParameterRole.Sqft,
        ["yearbuilt"] = ParameterRole.YearBuilt, ["year"] = ParameterRole.YearBuilt,
        ["query"] = ParameterRole.Text, ["text"] = ParameterRole.Text, ["message"] = ParameterRole.Text, ["situation"] = ParameterRole.Text,
    };

    public static ParameterRole Of(ToolParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ByName.GetValueOrDefault(parameter.Canonical);
    }

    /// <summary>The tool's parameter for this role, if it has one.</summary>
    public static string? Find(ToolSpec tool, ParameterRole role)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.Parameters.FirstOrDefault(p => Of(p) == role)?.Name;
    }
}
