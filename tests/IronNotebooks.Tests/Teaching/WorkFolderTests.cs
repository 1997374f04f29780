using IronNotebooks.Teaching;
using Xunit;

namespace IronNotebooks.Tests.Teaching;

public class WorkFolderTests
{
    [Fact]
    public void Create_TwiceInOneProcess_GivesTheSameEmptyFolderUnderTemp()
    {
        var first = WorkFolder.Create("test-workfolder");
        File.WriteAllText(first.File("left-over.txt"), "x");
        var second = WorkFolder.Create("test-workfolder");

        Assert.Equal(first.Path, second.Path);
        Assert.StartsWith(Path.GetTempPath(), second.Path);
        Assert.EndsWith($"test-workfolder-{Environment.ProcessId}", second.Path);
        Assert.Empty(Directory.EnumerateFileSystemEntries(second.Path));
        Assert.True(Directory.Exists(second.Folder("exams")));
        Directory.Delete(second.Path, recursive: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    public void Create_NameThatCouldLeaveTheTempFolder_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => WorkFolder.Create(name));
}
