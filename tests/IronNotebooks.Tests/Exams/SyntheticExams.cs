using IronNotebooks.Calibration;
using IronNotebooks.Simulation;

namespace IronNotebooks.Tests.Exams;

/// <summary>Small synthetic exams (64×64, SNR 50) written as DICOM into a per-test temporary folder, removed on dispose.</summary>
public sealed class SyntheticExams : IDisposable
{
    /// <summary>The folder holding the exams.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ironnb-exams-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes one patient with the given protocols; returns the exam.</summary>
    public SimulatedExam Write(string id, double licUmol, params SynthProtocol[] protocols) =>
        SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(licUmol)), protocols,
            Path.Combine(Root, id), new SimulationOptions(20261203, 1.5, new AnatomyOptions(64), 50));

    /// <summary>Every protocol of `synth --protocol all` except the phantom.</summary>
    public static SynthProtocol[] All => [SynthProtocol.Rennes, SynthProtocol.Lille, SynthProtocol.TwoSequence, SynthProtocol.MultiEchoGre, SynthProtocol.MultiEchoSe];

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
