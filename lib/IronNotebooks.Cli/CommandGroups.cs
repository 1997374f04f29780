using System.CommandLine;

namespace IronNotebooks.Cli;

/// <summary>The verb groups of `ironnb`, one line each; adding a group is one line here plus its class.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All(TextWriter output) =>
    [
        DicomCommands.Build(output),
        RoiCommands.Build(output),
        StatsCommands.Build(output),
        .. RelaxometryCommands.Build(output),
        SynthCommands.Build(output),
        ExamCommands.Build(output),
        CohortCommands.Build(output),
        .. NotebookCommands.Build(output),
    ];
}
