using JorgeCopilot.Channels.Sms;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class SmsKeywordTests
{
    [Theory]
    [InlineData("STOP", SmsKeywordKind.OptOut)]
    [InlineData(" stop ", SmsKeywordKind.OptOut)]
    [InlineData("Unsubscribe", SmsKeywordKind.OptOut)]
    [InlineData("cancel", SmsKeywordKind.OptOut)]
    [InlineData("END", SmsKeywordKind.OptOut)]
    [InlineData("quit", SmsKeywordKind.OptOut)]
    [InlineData("STOPALL", SmsKeywordKind.OptOut)]
    [InlineData("start", SmsKeywordKind.OptIn)]
    [InlineData("UNSTOP", SmsKeywordKind.OptIn)]
    [InlineData("yes", SmsKeywordKind.OptIn)]
    [InlineData("help", SmsKeywordKind.Help)]
    [InlineData("INFO", SmsKeywordKind.Help)]
    [InlineData("stop by at 5 for the showing", SmsKeywordKind.None)]
    [InlineData("who are my hottest leads?", SmsKeywordKind.None)]
    [InlineData("", SmsKeywordKind.None)]
    public void Whole_message_keywords_are_recognised(string text, SmsKeywordKind expected) =>
        SmsKeyword.Classify(text).ShouldBe(expected);
}
