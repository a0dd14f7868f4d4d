import { createMemoryWorkbook } from "../../src/memory-excel";

function setup() {
  return createMemoryWorkbook({
    sheets: [
      {
        name: "Data",
        rows: [
          ["Month", "Falls", "Mean"],
          ["Apr", 72, 70],
          ["May", 68, 70],
          ["Jun", 75, 70],
        ],
      },
    ],
  });
}

describe("chart series in the memory workbook", () => {
  it("makes one series per column of the source, named by a header row", async () => {
    const { context, workbook } = setup();
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.charts.add("Line", sheet.getRange("B1:C4"), "Columns");
    await context.sync();
    const [chart] = workbook.charts("Data");
    expect(workbook.chartSeries("Data", chart.name)).toEqual([
      { name: "Falls", values: "Data!B2:B4" },
      { name: "Mean", values: "Data!C2:C4" },
    ]);
  });

  it("adds series, sets their ranges and formats, and reads them back", async () => {
    const { context, workbook } = setup();
    const sheet = context.workbook.worksheets.getItem("Data");
    const chart = sheet.charts.add("LineMarkers", sheet.getRange("B2:B4"), "Columns");
    const first = chart.series.getItemAt(0);
    first.name = "Falls";
    first.setXAxisValues(sheet.getRange("A2:A4"));
    first.markerStyle = "Circle";
    first.markerBackgroundColor = "#289DE0";
    const mean = chart.series.add("Mean");
    mean.setValues(sheet.getRange("C2:C4"));
    mean.format.line.color = "#231F20";
    mean.format.line.lineStyle = "Dash";
    mean.chartType = "Line";
    chart.series.load("count");
    const again = chart.series.getItemAt(1).load("name");
    const line = chart.series.getItemAt(1).format.line.load("lineStyle");
    await context.sync();
    expect(chart.series.count).toBe(2);
    expect(again.name).toBe("Mean");
    expect(line.lineStyle).toBe("Dash");
    const [info] = workbook.charts("Data");
    expect(workbook.chartSeries("Data", info.name)).toEqual([
      {
        name: "Falls",
        values: "Data!B2:B4",
        xValues: "Data!A2:A4",
        markerStyle: "Circle",
        markerBackgroundColor: "#289DE0",
      },
      {
        name: "Mean",
        values: "Data!C2:C4",
        lineColor: "#231F20",
        lineStyle: "Dash",
        chartType: "Line",
      },
    ]);
  });

  it("refuses a block as a series' values and rolls the whole sync back", async () => {
    const { context, workbook } = setup();
    const sheet = context.workbook.worksheets.getItem("Data");
    const chart = sheet.charts.add("Line", sheet.getRange("B2:B4"), "Columns");
    await context.sync();
    chart.series.getItemAt(0).name = "Renamed";
    chart.series.add("Bad").setValues(sheet.getRange("B2:C4"));
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const [info] = workbook.charts("Data");
    expect(workbook.chartSeries("Data", info.name)).toEqual([
      { name: "Series1", values: "Data!B2:B4" },
    ]);
  });

  it("fails getItemAt past the last series with ItemNotFound", async () => {
    const { context } = setup();
    const sheet = context.workbook.worksheets.getItem("Data");
    const chart = sheet.charts.add("Line", sheet.getRange("B2:B4"), "Columns");
    chart.series.getItemAt(3).name = "Nope";
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
