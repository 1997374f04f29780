using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Imaging.Nifti;
using Xunit;

namespace IronNotebooks.Tests.Imaging;

public class ImageGeometryTests
{
    [Fact]
    public void PixelToPatientAndBack_IsTheIdentityOnAnObliquePlane()
    {
        var row = new Vector3Mm(0.9, 0.1, 0.2).Normalized();
        var column = new Vector3Mm(-0.1, 0.8, 0.3);
        column = (column - row * column.Dot(row)).Normalized();   // orthogonal to the row direction
        var g = new ImageGeometry(64, 80, new Vector3Mm(-100, 20, 35), row, column, 1.7, 1.3, 5);
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            double x = random.NextDouble() * 80, y = random.NextDouble() * 64;
            var (bx, by, d) = g.PatientToPixel(g.PixelToPatient(x, y));
            Assert.Equal(x, bx, 9);
            Assert.Equal(y, by, 9);
            Assert.Equal(0, d, 9);
        }
        Assert.Equal(1.7 * 1.3, g.PixelAreaMm2, 12);
    }

    [CorpusFact]
    public void DicomAndDcm2niixNifti_OfTheSameAcquisition_MapEveryVoxelToTheSamePatientPositionAndValue()
    {
        // dcm_qa_philips_enh/Ref holds dcm2niix's NIfTI of the classic export (first echo, magnitude): the same voxels,
        // possibly reordered, stored with scl_slope = 1/SS so that they are Philips floating-point values. Through the
        // two geometries, a NIfTI voxel and the DICOM pixel at the same patient position must hold the same value on
        // every slice, which checks both the geometry and the FP = (SV·RS + RI)/(RS·SS) scaling against dcm2niix.
        var dicom = MultiEchoSeries.FromCatalog(Assert.Single(ImageCatalog.Scan(TestPaths.CorpusFile("dcm_qa_philips_enh/In/cl")).AllSeries),
            PixelScale.RealWorld);
        var nifti = NiftiReader.Read(TestPaths.CorpusFile("dcm_qa_philips_enh/Ref/2001_WIP_fcMRI_Field_Mapping_cl_e1.nii.gz"));
        Assert.Equal(dicom.Slices.Count, nifti.Nz);
        var random = new Random(11);
        for (int k = 0; k < nifti.Nz; k++)
        {
            var g = nifti.SliceGeometry(k);
            var slice = dicom.Slices.Single(s => Math.Abs(s.SliceLocationMm - g.SliceLocationMm) < 0.05);
            for (int n = 0; n < 20; n++)
            {
                int i = random.Next(nifti.Nx), j = random.Next(nifti.Ny);
                var (x, y, distance) = slice.Geometry.PatientToPixel(g.PixelToPatient(i, j));
                Assert.InRange(distance, -0.05, 0.05);
                Assert.Equal(Math.Round(x), x, 3);
                Assert.Equal(Math.Round(y), y, 3);
                double expected = nifti[i, j, k], actual = slice.Echoes[0][(int)Math.Round(x), (int)Math.Round(y)];
                Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"slice {k} voxel ({i},{j}): NIfTI {expected}, DICOM {actual}");
            }
        }
    }
}
